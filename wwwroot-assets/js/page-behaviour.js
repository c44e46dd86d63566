// Small behaviours of the pages that would otherwise be inline handlers, which the Content-Security-Policy refuses
// (script-src 'self', nothing inline). The listeners sit on the document, so they also serve elements that Blazor
// renders later, on static and interactive pages alike. Elements opt in with data-ssp-* attributes.
(() => {
  'use strict';

  // A logo that fails to load gives way to the placeholder that waits, hidden, beside it.
  const showPlaceholder = img => {
    img.hidden = true;
    const placeholder = img.nextElementSibling;
    if (placeholder) {
      placeholder.hidden = false;
    }
  };

  // Error events do not bubble: listen in the capture phase.
  document.addEventListener('error', event => {
    if (event.target instanceof HTMLImageElement && event.target.matches('img[data-ssp-logo]')) {
      showPlaceholder(event.target);
    }
  }, true);

  // A dialog's focus guard (data-ssp-focus-back) hands the focus back to the dialog beside it, in the browser at once:
  // a round trip to the server would let a quick second Tab escape the dialog first. (focus does not bubble; focusin does.)
  document.addEventListener('focusin', event => {
    if (event.target instanceof Element && event.target.matches('[data-ssp-focus-back]')) {
      event.target.parentElement?.querySelector('.pp-dialog')?.focus();
    }
  });

  // A select marked data-ssp-submit-on-change (the language picker) submits its form when changed.
  document.addEventListener('change', event => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.matches('[data-ssp-submit-on-change]') && select.form) {
      select.form.submit();
    }
  });

  // A copy button (data-ssp-copy="<input id>") copies its field with the clipboard API; where the browser refuses, the
  // value is selected for Ctrl+C instead. The status line beside the field says which of the two happened.
  document.addEventListener('click', async event => {
    const button = event.target instanceof Element ? event.target.closest('button[data-ssp-copy]') : null;
    if (!button) {
      return;
    }

    const input = document.getElementById(button.dataset.sspCopy);
    const status = document.getElementById(`${button.dataset.sspCopy}-status`);
    if (!input || !status) {
      return;
    }

    try {
      await navigator.clipboard.writeText(input.value);
      status.textContent = button.dataset.copied;
    } catch {
      input.focus();
      input.select();
      status.textContent = button.dataset.manual;
    }
  });

  // The skip link moves the focus to the main content, not only the scroll position (Blazor's router takes the click on
  // "#main" and only scrolls).
  document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.portal-skip-link') : null;
    const main = link ? document.getElementById(link.hash.slice(1)) : null;
    if (main) {
      main.focus();
    }
  });

  // Called by the portal's components: submits a form by its id (the user menu's "Sign out", a POST with antiforgery).
  window.sspPage = {
    submitForm(id) {
      const form = document.getElementById(id);
      if (form instanceof HTMLFormElement) {
        form.requestSubmit();
      }
    },
  };

  const onReady = () => {
    // Logos that failed before this script ran.
    document.querySelectorAll('img[data-ssp-logo]').forEach(img => {
      if (img.complete && img.naturalWidth === 0) {
        showPlaceholder(img);
      }
    });

    // A page that continues by itself (the ticket URL's first step) submits its form once; the URL it was opened
    // with carries the ticket, so the history entry keeps only the path.
    const form = document.querySelector('form[data-ssp-continue]');
    if (form) {
      const action = form.action;
      form.action = action;
      history.replaceState(null, '', location.pathname);
      form.submit();
    }
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', onReady, { once: true });
  } else {
    onReady();
  }
})();
