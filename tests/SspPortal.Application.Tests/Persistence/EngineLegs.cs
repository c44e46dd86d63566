using SspPortal.Application.Tests.Support;
using SspPortal.Infrastructure;

namespace SspPortal.Application.Tests.Persistence;

/// <summary>
/// The service and persistence test classes again, on PostgreSQL and on SQL Server: each class here inherits every test
/// of its base and runs it on its own database on that engine (see <see cref="ServiceTestBase"/>). The base classes run
/// on SQLite. Without <c>SSP_TEST_POSTGRES</c> / <c>SSP_TEST_SQLSERVER</c> these tests are reported as skipped with the
/// reason. A new service test class gets its two lines here.
/// </summary>
public static class EngineLegs
{
    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ProfileCreateTestsOnPostgreSql : Profiles.ProfileCreateTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ProfileCreateTestsOnSqlServer : Profiles.ProfileCreateTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ProfileReadTestsOnPostgreSql : Profiles.ProfileReadTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ProfileReadTestsOnSqlServer : Profiles.ProfileReadTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ProfileListQueryTestsOnPostgreSql : Profiles.ProfileListQueryTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ProfileListQueryTestsOnSqlServer : Profiles.ProfileListQueryTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ProfileUpdateTestsOnPostgreSql : Profiles.ProfileUpdateTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ProfileUpdateTestsOnSqlServer : Profiles.ProfileUpdateTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ProfileConcurrentUpdateTestsOnPostgreSql : Profiles.ProfileConcurrentUpdateTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ProfileConcurrentUpdateTestsOnSqlServer : Profiles.ProfileConcurrentUpdateTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ProfileDeleteTestsOnPostgreSql : Profiles.ProfileDeleteTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ProfileDeleteTestsOnSqlServer : Profiles.ProfileDeleteTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class CustomTextServiceTestsOnPostgreSql : CustomTexts.CustomTextServiceTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class CustomTextServiceTestsOnSqlServer : CustomTexts.CustomTextServiceTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class AuditLogServiceTestsOnPostgreSql : Audit.AuditLogServiceTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class AuditLogServiceTestsOnSqlServer : Audit.AuditLogServiceTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class TicketIssueTestsOnPostgreSql : Tickets.TicketIssueTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class TicketIssueTestsOnSqlServer : Tickets.TicketIssueTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class TicketRevokeAndListTestsOnPostgreSql : Tickets.TicketRevokeAndListTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class TicketRevokeAndListTestsOnSqlServer : Tickets.TicketRevokeAndListTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class TicketListTestsOnPostgreSql : Tickets.TicketListTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class TicketListTestsOnSqlServer : Tickets.TicketListTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class TicketConnectionNameTestsOnPostgreSql : Tickets.TicketConnectionNameTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class TicketConnectionNameTestsOnSqlServer : Tickets.TicketConnectionNameTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class EngineBehaviourTestsOnPostgreSql : EngineBehaviourTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class EngineBehaviourTestsOnSqlServer : EngineBehaviourTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class ConnectionActionsTestsOnPostgreSql : Connections.ConnectionActionsTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class ConnectionActionsTestsOnSqlServer : Connections.ConnectionActionsTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class PortalRolesTestsOnPostgreSql : Roles.PortalRolesTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class PortalRolesTestsOnSqlServer : Roles.PortalRolesTests;

    [RunsOn(DatabaseProvider.PostgreSql)]
    public sealed class TenantSettingsServiceTestsOnPostgreSql : Tenants.TenantSettingsServiceTests;

    [RunsOn(DatabaseProvider.SqlServer)]
    public sealed class TenantSettingsServiceTestsOnSqlServer : Tenants.TenantSettingsServiceTests;
}
