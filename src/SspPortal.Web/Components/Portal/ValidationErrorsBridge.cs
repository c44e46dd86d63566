using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SspPortal.Application.Common;

namespace SspPortal.Web.Components.Portal;

/// <summary>
/// Puts the field errors of a service <see cref="Result"/> into the surrounding <see cref="EditForm"/>, so that each
/// message appears next to its field. A message leaves as soon as its field changes.
/// </summary>
public sealed class ValidationErrorsBridge : ComponentBase, IDisposable
{
    private readonly HashSet<FieldIdentifier> _touched = [];
    private ValidationMessageStore? _store;
    private EditContext? _context;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    /// <summary>Finds the form field of a wire path (e.g. <c>user_attributes[2].name</c>); null when the form has none.</summary>
    [Parameter, EditorRequired]
    public Func<string, FieldIdentifier?> MapPath { get; set; } = _ => null;

    /// <summary>
    /// Optional live check: runs the shared request validator on every field change. Its messages appear only on
    /// fields the user has changed, so a form does not start out covered in errors.
    /// </summary>
    [Parameter]
    public Func<Result>? LiveValidate { get; set; }

    /// <summary>Words a field error for the reader (e.g. <see cref="PortalMessages.Profile"/>); the reason as it is when null.</summary>
    [Parameter]
    public Func<FieldError, string>? Translate { get; set; }

    /// <summary>The messages of the last result that belong to no field of the form (and the result's own message).</summary>
    public IReadOnlyList<string> OtherMessages { get; private set; } = [];

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(ValidationErrorsBridge)} must be placed inside an EditForm.");
        }

        if (!ReferenceEquals(CurrentEditContext, _context))
        {
            Detach();
            _context = CurrentEditContext;
            _touched.Clear();
            _store = new ValidationMessageStore(_context);
            _context.OnFieldChanged += OnFieldChanged;
        }
    }

    /// <summary>Shows a result's errors. Returns how many landed on a field of the form.</summary>
    public int Display(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_store is null || _context is null)
        {
            return 0;
        }

        _store.Clear();
        var others = new List<string>();
        var shown = new HashSet<(FieldIdentifier, string)>();
        var placed = 0;
        foreach (var error in result.Errors)
        {
            if (MapPath(error.Path) is { } field)
            {
                // One message per problem: two rules wording the same failure of a field show once.
                if (shown.Add((field, Word(error))))
                {
                    _store.Add(field, Word(error));
                    placed++;
                }
            }
            else
            {
                others.Add(Translate is not null || string.IsNullOrEmpty(error.Path) ? Word(error) : $"{error.Path}: {error.Reason}");
            }
        }

        if (!string.IsNullOrEmpty(result.Message))
        {
            others.Insert(0, result.Message);
        }

        OtherMessages = others;
        _context.NotifyValidationStateChanged();
        return placed;
    }

    /// <summary>Removes every message this bridge added.</summary>
    public void Clear()
    {
        _store?.Clear();
        OtherMessages = [];
        _context?.NotifyValidationStateChanged();
    }

    public void Dispose() => Detach();

    private string Word(FieldError error) => Translate?.Invoke(error) ?? error.Reason;

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        if (_store is null || _context is null)
        {
            return;
        }

        _store.Clear(e.FieldIdentifier);
        if (LiveValidate is not null)
        {
            _touched.Add(e.FieldIdentifier);
            foreach (var field in _touched)
            {
                _store.Clear(field);
            }

            var shown = new HashSet<(FieldIdentifier, string)>();
            foreach (var error in LiveValidate().Errors)
            {
                if (MapPath(error.Path) is { } field && _touched.Contains(field) && shown.Add((field, Word(error))))
                {
                    _store.Add(field, Word(error));
                }
            }
        }

        _context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnFieldChanged -= OnFieldChanged;
        }
    }
}
