using Bunit;
using SspPortal.Application.Profiles;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

/// <summary>The user-attribute rows: add, remove, reorder, the limit and the required toggle, by clicking.</summary>
public sealed class UserAttributeEditorTests : PortalTestContext
{
    private int _changes;

    private static List<UserAttributeRow> Rows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new UserAttributeRow { Name = $"attr{i}", Description = $"Attribute {i}", Required = i % 2 == 1 })];

    private IRenderedComponent<UserAttributeEditor> RenderEditor(List<UserAttributeRow> rows, bool readOnly = false) =>
        Render<UserAttributeEditor>(ps =>
            ps.Add(p => p.Rows, rows).Add(p => p.ReadOnly, readOnly).Add(p => p.OnChanged, () => _changes++)
        );

    private static List<string> NameValues(IRenderedComponent<UserAttributeEditor> cut) =>
        [.. cut.FindAll("[data-testid=attribute-row] input[aria-label^='Name of attribute']").Select(i => i.GetAttribute("value") ?? "")];

    [Fact]
    public void AddAttribute_AppendsAnEmptyRequiredRow_WhenClicked()
    {
        var rows = Rows(2);
        var cut = RenderEditor(rows);

        cut.Find("[data-testid=add-attribute]").Click();

        Assert.Equal(3, rows.Count);
        Assert.Equal(("", "", true), (rows[2].Name, rows[2].Description, rows[2].Required));
        Assert.Equal(3, cut.FindAll("[data-testid=attribute-row]").Count);
        Assert.Contains("3 of 20 attributes.", cut.Find("[data-testid=attribute-count]").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void Typing_ChangesTheRowsName_WhenNameInputChanges()
    {
        var rows = Rows(1);
        var cut = RenderEditor(rows);

        cut.Find("input[aria-label='Name of attribute 1']").Input("email");

        Assert.Equal("email", rows[0].Name);
        Assert.True(_changes > 0);
    }

    [Fact]
    public void Remove_DropsThatRowOnly_WhenItsButtonClicked()
    {
        var rows = Rows(3);
        var cut = RenderEditor(rows);

        cut.Find("button[aria-label='Remove attribute 2']").Click();

        Assert.Equal(["attr1", "attr3"], rows.Select(r => r.Name));
        Assert.Equal(["attr1", "attr3"], NameValues(cut));
    }

    [Fact]
    public void Move_SwapsNeighbours_WhenUpAndDownClicked()
    {
        var rows = Rows(3);
        var cut = RenderEditor(rows);

        cut.Find("button[aria-label='Move attribute 3 up']").Click();
        cut.Find("button[aria-label='Move attribute 1 down']").Click();

        Assert.Equal(["attr3", "attr1", "attr2"], rows.Select(r => r.Name));
        Assert.Equal(["attr3", "attr1", "attr2"], NameValues(cut));
        Assert.True(cut.Find("button[aria-label='Move attribute 1 up']").HasAttribute("disabled"));
        Assert.True(cut.Find("button[aria-label='Move attribute 3 down']").HasAttribute("disabled"));
    }

    [Fact]
    public void AddAttribute_IsDisabledAndSaysSo_WhenTheLimitIsReached()
    {
        var rows = Rows(ProfileRules.MaxUserAttributes - 1);
        var cut = RenderEditor(rows);

        cut.Find("[data-testid=add-attribute]").Click();

        Assert.Equal(ProfileRules.MaxUserAttributes, rows.Count);
        Assert.True(cut.Find("[data-testid=add-attribute]").HasAttribute("disabled"));
        Assert.Contains("20 of 20 attributes — the limit is reached.", cut.Find("[data-testid=attribute-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredToggle_MakesTheAttributeOptional_WhenUnchecked()
    {
        var rows = Rows(1);
        var cut = RenderEditor(rows);
        var toggle = cut.Find("[data-testid=attribute-row] input[data-testid=attribute-required]");
        Assert.True(toggle.HasAttribute("checked"));
        Assert.Equal("Attribute 1 is required", cut.Find($"#{toggle.GetAttribute("aria-labelledby")}").TextContent.Trim());

        toggle.Change(false);

        Assert.False(rows[0].Required);
        Assert.True(_changes > 0);
    }

    [Fact]
    public void ReadOnly_ShowsValuesWithoutButtons_WhenViewerLooks()
    {
        var cut = RenderEditor(Rows(2), readOnly: true);

        Assert.Empty(cut.FindAll("button"));
        Assert.Equal(["attr1", "attr2"], NameValues(cut));
        Assert.All(cut.FindAll("input[type=text], input:not([type])"), i => Assert.True(i.HasAttribute("readonly"), i.OuterHtml));
    }
}
