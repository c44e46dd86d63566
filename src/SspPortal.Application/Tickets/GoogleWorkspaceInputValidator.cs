using FluentValidation;
using SspPortal.Application.Common.Validation;

namespace SspPortal.Application.Tickets;

/// <summary><c>provisioning_config.google_workspace</c>.</summary>
public sealed class GoogleWorkspaceInputValidator : AbstractValidator<GoogleWorkspaceInput>
{
    public GoogleWorkspaceInputValidator() => RuleFor(g => g.SyncUsers).Required("sync_users").OverridePropertyName("sync_users");
}
