using SspPortal.Infrastructure;

namespace SspPortal.Application.Tests.Support;

/// <summary>
/// Runs a test class's tests on another engine than SQLite: put it on a class derived from the test class
/// (<c>Persistence/EngineLegs.cs</c>). Without the engine's connection string the tests are reported as skipped with the
/// reason (<see cref="EngineTestFramework"/>), never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RunsOnAttribute(DatabaseProvider provider) : Attribute
{
    public DatabaseProvider Provider { get; } = provider;
}
