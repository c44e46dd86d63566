// Returns keyboard focus to whatever opened a dialog once it closes.
const openers = [];

export function rememberFocus() {
  openers.push(document.activeElement);
}

export function restoreFocus() {
  const opener = openers.pop();
  if (opener && opener.isConnected && typeof opener.focus === "function") {
    opener.focus();
  }
}
