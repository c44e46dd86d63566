using Microsoft.Playwright;
using SspPortal.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SspPortal.E2E.Portal;

/// <summary>The issue-ticket dialog with the keyboard alone: focus moves in, stays in, Enter issues, Escape closes, focus comes back.</summary>
[Collection(PortalPagesCollection.Name)]
public sealed class KeyboardTests(PortalPagesFixture fixture, ITestOutputHelper output) : PortalTest(fixture, output)
{
    [Fact]
    public async Task IssueTicketDialog_KeepsFocusInsideAndReturnsIt_WhenUsedWithTheKeyboard()
    {
        await SignInAsync("Admin");
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync($"Keyboard {Guid.NewGuid():N}"[..15]);
        var dialog = new IssueTicketDialog(Page);

        await editor.IssueTicketButton.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog.Root).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null");
        await AssertAccessibleAsync();
        for (var i = 0; i < 60; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            // The dialog, or one of the guards beside it that hand the focus back to the dialog.
            Assert.True(await FocusIsInDialogAsync(), $"Tab {i + 1} moved the focus out of the dialog.");
        }

        await Page.Keyboard.PressAsync("Escape");

        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(editor.IssueTicketButton).ToBeFocusedAsync();
    }

    [Fact]
    public async Task IssueTicketDialog_IssuesAndSelectsTheLinkForCopying_WhenTheKeyboardIsAllThereIsAndTheClipboardIsBlocked()
    {
        await SignInAsync("Admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var editor = await (await ProfilesPage.OpenAsync(Page)).CreateAsync($"Keys {suffix}");
        var dialog = new IssueTicketDialog(Page);
        await editor.IssueTicketButton.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog.Root).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null");

        await TabUntilFocusedAsync(dialog.ConnectionName);
        await Page.Keyboard.TypeAsync($"keys-{suffix}");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog.OnceNotice).ToBeVisibleAsync();
        // Focus moves to the new link, selected, ready for Ctrl+C.
        await Expect(dialog.Url).ToBeFocusedAsync();
        // A browser that refuses the clipboard both ways: the link is selected for Ctrl+C instead.
        await Page.EvaluateAsync(
            """
            () => {
              navigator.clipboard.writeText = () => Promise.reject(new DOMException('Blocked', 'NotAllowedError'));
              document.execCommand = () => false;
            }
            """
        );
        await TabUntilFocusedAsync(dialog.CopyButton);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(dialog.CopyStatus).ToContainTextAsync("press Ctrl+C");
        await Expect(dialog.Url).ToBeFocusedAsync();
        Assert.True(
            await dialog.Url.EvaluateAsync<bool>("input => input.selectionStart === 0 && input.selectionEnd === input.value.length"),
            "The whole link should be selected."
        );
        await ScreenshotAsync("clipboard-blocked");
        await AssertAccessibleAsync();

        // After issuing, Escape closes like Done.
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog.Root).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Whether the focus is in the dialog, allowing the focus trap its round trip: when Tab lands on one of its guards,
    /// the circuit moves the focus back inside a moment later.
    /// </summary>
    private async Task<bool> FocusIsInDialogAsync()
    {
        try
        {
            await Page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog-container') != null", null, new() { Timeout = 2000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task TabUntilFocusedAsync(ILocator target)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("The element cannot be reached with Tab.");
    }
}
