using Microsoft.AspNetCore.DataProtection;

namespace SspPortal.Infrastructure.SetupFlow;

/// <summary>Protects client secrets with Data Protection, one purpose per use. Secrets are never logged.</summary>
public sealed class FlowSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _draft = provider.CreateProtector("SspPortal.SetupFlow.DraftClientSecret.v1");
    private readonly IDataProtector _connection = provider.CreateProtector("SspPortal.Connections.ClientSecret.v1");

    public string ProtectDraft(string secret) => _draft.Protect(secret);

    public string UnprotectDraft(string protectedSecret) => _draft.Unprotect(protectedSecret);

    public string ProtectForConnection(string secret) => _connection.Protect(secret);

    public string UnprotectForConnection(string protectedSecret) => _connection.Unprotect(protectedSecret);
}
