using AngleSharp.Html.Dom;
using SspPortal.Application.CustomTexts;
using SspPortal.Web.SetupFlow.Localization;
using SspPortal.Web.SetupFlow.Shared;

namespace SspPortal.Web.Tests.SetupFlow;

public sealed class LanguagePickerTests
{
    [Fact]
    public async Task Render_ListsEveryLanguageUnderItsOwnName_WhenPageIsInAnotherLanguage()
    {
        await using var renderer = new FlowMarkupRenderer();

        var document = await renderer.RenderAsync<LanguagePicker>(
            new Dictionary<string, object?>
            {
                [nameof(LanguagePicker.Languages)] = FlowLanguages.Supported,
                [nameof(LanguagePicker.Current)] = "ja",
            }
        );

        var options = document.QuerySelectorAll("option").Cast<IHtmlOptionElement>().ToList();
        Assert.Equal(FlowLanguages.Supported, options.Select(o => o.Value));
        Assert.All(
            options,
            o =>
            {
                Assert.Equal(CustomTextCatalog.Languages.Single(l => l.Tag == o.Value).NativeName, o.Text);
                Assert.Equal(o.Value, o.GetAttribute("lang"));
            }
        );
        Assert.Equal("ja", Assert.Single(options, o => o.IsSelected).Value);
        Assert.Equal(FlowText.Get("ja", "flow.language"), document.QuerySelector("label")!.TextContent);
    }

    [Fact]
    public async Task Render_IsAPlainFormToTheGivenPage_WhenThePageIsNotLiveYet()
    {
        await using var renderer = new FlowMarkupRenderer();

        var document = await renderer.RenderAsync<LanguagePicker>(
            new Dictionary<string, object?>
            {
                [nameof(LanguagePicker.Languages)] = FlowLanguages.Supported,
                [nameof(LanguagePicker.Current)] = "de",
                [nameof(LanguagePicker.Action)] = "/self-service/setup",
                [nameof(LanguagePicker.OnChanged)] = Microsoft.AspNetCore.Components.EventCallback.Factory.Create<string>(this, _ => { }),
            }
        );

        // Before the circuit is up (and without scripts) the picker still reloads this very page in the new language.
        var form = document.QuerySelector("form")!;
        Assert.Equal("/self-service/setup", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.True(document.QuerySelector("select[name=lang]")!.HasAttribute("data-ssp-submit-on-change"));
        Assert.NotNull(document.QuerySelector("noscript"));
    }
}
