// Light or dark mode, before the first paint. Loaded (not deferred) in the document's head: it turns the visitor's choice
// (data-theme-choice, rendered by the server from the SspPortal.Theme cookie: "light", "dark", or "system" when there is
// no cookie) into data-theme="light|dark", which selects the palette; "system" follows prefers-color-scheme, also when
// it changes while the page is open. The theme switch calls sspTheme.choose(choice, cookieName).
(() => {
  'use strict';

  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

  const effective = () => {
    const choice = root.dataset.themeChoice;
    if (choice === 'light' || choice === 'dark') {
      return choice;
    }
    return systemDark.matches ? 'dark' : 'light';
  };

  const apply = () => {
    const theme = effective();
    if (root.dataset.theme !== theme) {
      root.dataset.theme = theme;
    }
  };

  apply();
  systemDark.addEventListener('change', apply);

  // Blazor's enhanced navigation patches the document's attributes to the server's markup: apply again when it does.
  new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['data-theme', 'data-theme-choice'] });

  window.sspTheme = {
    choose(choice, cookieName) {
      const name = encodeURIComponent(cookieName);
      document.cookie = choice === 'light' || choice === 'dark'
        ? `${name}=${choice}; path=/; max-age=31536000; samesite=lax`
        : `${name}=; path=/; max-age=0; samesite=lax`;
      root.dataset.themeChoice = choice === 'light' || choice === 'dark' ? choice : 'system';
      apply();
      return effective();
    },
  };
})();
