using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Tests.Components.Portal;

public sealed class UserAttributeEditorTests
{
    private static RenderFragment InForm(EditContext context, List<UserAttributeRow> rows, bool readOnly = false, int maxRows = 20) =>
        builder =>
        {
            builder.OpenComponent<EditForm>(0);
            builder.AddAttribute(1, nameof(EditForm.EditContext), context);
            builder.AddAttribute(
                2,
                nameof(EditForm.ChildContent),
                (RenderFragment<EditContext>)(
                    _ =>
                        inner =>
                        {
                            inner.OpenComponent<UserAttributeEditor>(0);
                            inner.AddAttribute(1, nameof(UserAttributeEditor.Rows), rows);
                            inner.AddAttribute(2, nameof(UserAttributeEditor.ReadOnly), readOnly);
                            inner.AddAttribute(3, nameof(UserAttributeEditor.MaxRows), maxRows);
                            inner.CloseComponent();
                        }
                )
            );
            builder.CloseComponent();
        };

    private static List<UserAttributeRow> Rows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new UserAttributeRow { Name = $"attr{i}", Description = $"Attribute {i}", Required = i % 2 == 1 })];

    [Fact]
    public async Task Render_ShowsOneRowPerAttributeInOrder_WithRequiredState()
    {
        await using var renderer = new PortalRenderer();
        var rows = Rows(3);

        var document = await renderer.RenderFragmentAsync(InForm(new EditContext(new object()), rows));

        var rendered = document.QuerySelectorAll("[data-testid=attribute-row]");
        Assert.Equal(3, rendered.Length);
        Assert.Equal(["attr1", "attr2", "attr3"], rendered.Select(r => r.QuerySelector("input[aria-label^='Name']")!.GetAttribute("value")));
        var checks = rendered.Select(r => r.QuerySelector("input[type=checkbox]")!.HasAttribute("checked")).ToList();
        Assert.Equal([true, false, true], checks);
        Assert.Equal("Name of attribute 2", rendered[1].QuerySelector("input[aria-label^='Name']")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Render_DisablesMovesAtTheEnds_WhenSeveralRows()
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderFragmentAsync(InForm(new EditContext(new object()), Rows(2)));

        Assert.True(document.QuerySelector("button[aria-label='Move attribute 1 up']")!.HasAttribute("disabled"));
        Assert.False(document.QuerySelector("button[aria-label='Move attribute 1 down']")!.HasAttribute("disabled"));
        Assert.True(document.QuerySelector("button[aria-label='Move attribute 2 down']")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_DisablesAddButton_WhenLimitReached()
    {
        await using var renderer = new PortalRenderer();

        var full = await renderer.RenderFragmentAsync(InForm(new EditContext(new object()), Rows(20)));
        var roomLeft = await renderer.RenderFragmentAsync(InForm(new EditContext(new object()), Rows(19)));

        Assert.True(full.QuerySelector("[data-testid=add-attribute]")!.HasAttribute("disabled"));
        Assert.Contains("limit is reached", full.QuerySelector(".pp-attrs__footer")!.TextContent, StringComparison.Ordinal);
        Assert.False(roomLeft.QuerySelector("[data-testid=add-attribute]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_ShowsMessageUnderTheRightField_WhenValidationFailed()
    {
        await using var renderer = new PortalRenderer();
        var rows = Rows(3);
        var context = new EditContext(new object());
        var store = new ValidationMessageStore(context);
        store.Add(new FieldIdentifier(rows[1], nameof(UserAttributeRow.Name)), "Names must be unique.");

        var document = await renderer.RenderFragmentAsync(InForm(context, rows));

        var rendered = document.QuerySelectorAll("[data-testid=attribute-row]");
        Assert.Empty(rendered[0].QuerySelectorAll(".validation-message"));
        var message = Assert.Single(rendered[1].QuerySelectorAll(".validation-message"));
        Assert.Equal("Names must be unique.", message.TextContent.Trim());
        Assert.Empty(rendered[2].QuerySelectorAll(".validation-message"));
    }

    [Fact]
    public async Task Render_HasNoEditingControls_WhenReadOnly()
    {
        await using var renderer = new PortalRenderer();

        var document = await renderer.RenderFragmentAsync(InForm(new EditContext(new object()), Rows(2), readOnly: true));

        Assert.Null(document.QuerySelector("[data-testid=add-attribute]"));
        Assert.Empty(document.QuerySelectorAll(".pp-attrs__actions button"));
        Assert.All(document.QuerySelectorAll("[data-testid=attribute-row] input"), input => Assert.True(input.HasAttribute("disabled")));
    }
}
