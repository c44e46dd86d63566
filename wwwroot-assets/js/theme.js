// Switches the Radzen theme stylesheet between light and dark and remembers the choice in a cookie
// (read by the server, so the next page renders in the chosen theme without a flash).
export function applyTheme(theme, cookieName) {
  const link = document.getElementById('radzen-theme-link')
    ?? document.querySelector('link[href*="_content/Radzen.Blazor/css/"]');
  if (link) {
    link.href = link.href.replace(/\/(material|material-dark)(-base)?\.css/, `/${theme}$2.css`);
  }
  document.documentElement.dataset.theme = theme;
  document.cookie = `${encodeURIComponent(cookieName)}=${encodeURIComponent(theme)}; path=/; max-age=31536000; samesite=lax`;
}
