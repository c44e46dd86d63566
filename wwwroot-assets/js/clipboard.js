// Copies text to the clipboard. When the browser refuses (no permission, insecure origin),
// the text in the given input is selected instead so that the user can press Ctrl+C.
export async function copyText(text, fallbackInput) {
  if (navigator.clipboard && window.isSecureContext !== false) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the selection
    }
  }
  selectAll(fallbackInput);
  try {
    if (document.execCommand && document.execCommand("copy")) {
      return true;
    }
  } catch {
    // still selected; the user copies by hand
  }
  return false;
}

export function selectAll(input) {
  if (input && typeof input.select === "function") {
    input.focus();
    input.select();
    if (typeof input.setSelectionRange === "function") {
      input.setSelectionRange(0, input.value.length);
    }
  }
}
