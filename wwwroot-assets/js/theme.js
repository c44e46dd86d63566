// Switches the Radzen theme stylesheet between light and dark and remembers the choice in a cookie
// (read by the server, so the next page renders in the chosen theme without a flash).
// The new stylesheet loads beside the old one, which is removed only once the new one has applied,
// so the page never shows unstyled in between.
export function applyTheme(theme, cookieName) {
  document.cookie = `${encodeURIComponent(cookieName)}=${encodeURIComponent(theme)}; path=/; max-age=31536000; samesite=lax`;
  const current = document.getElementById('radzen-theme-link')
    ?? document.querySelector('link[href*="_content/Radzen.Blazor/css/"]');
  const href = current?.href.replace(/\/(material|material-dark)(-base)?\.css/, `/${theme}$2.css`);
  if (!current || href === current.href) {
    document.documentElement.dataset.theme = theme;
    return Promise.resolve();
  }

  return new Promise(resolve => {
    const next = current.cloneNode();
    next.removeAttribute('id');
    const swap = () => {
      const id = current.id;
      current.remove();
      if (id) {
        next.id = id;
      }
      document.documentElement.dataset.theme = theme;
      resolve();
    };
    next.addEventListener('load', swap, { once: true });
    next.addEventListener('error', swap, { once: true });
    next.href = href;
    current.after(next);
  });
}
