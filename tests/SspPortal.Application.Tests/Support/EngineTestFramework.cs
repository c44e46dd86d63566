using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("SspPortal.Application.Tests.Support.EngineTestFramework", "SspPortal.Application.Tests")]

namespace SspPortal.Application.Tests.Support;

/// <summary>
/// xunit's own framework, except that the tests of a class marked <see cref="RunsOnAttribute"/> for an engine that is not
/// available here are reported as skipped with the reason (<see cref="TestDatabase.SkipReason"/>) instead of running.
/// xunit 2 has no skip decided at run time; this is the smallest place to decide it: the class runner.
/// </summary>
public sealed class EngineTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases,
            IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions
        )
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnostics,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions
    ) : XunitTestAssemblyRunner(testAssembly, testCases, diagnostics, executionMessageSink, executionOptions)
    {
        protected override Task<RunSummary> RunTestCollectionAsync(
            IMessageBus messageBus,
            ITestCollection testCollection,
            IEnumerable<IXunitTestCase> testCases,
            CancellationTokenSource cancellationTokenSource
        ) =>
            new CollectionRunner(
                testCollection,
                testCases,
                DiagnosticMessageSink,
                messageBus,
                TestCaseOrderer,
                new ExceptionAggregator(Aggregator),
                cancellationTokenSource
            ).RunAsync();
    }

    private sealed class CollectionRunner(
        ITestCollection testCollection,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnostics,
        IMessageBus messageBus,
        ITestCaseOrderer testCaseOrderer,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource
    ) : XunitTestCollectionRunner(testCollection, testCases, diagnostics, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
    {
        private readonly IMessageSink _diagnostics = diagnostics;

        protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
            new ClassRunner(
                testClass,
                @class,
                testCases,
                _diagnostics,
                MessageBus,
                TestCaseOrderer,
                new ExceptionAggregator(Aggregator),
                CancellationTokenSource,
                CollectionFixtureMappings
            ).RunAsync();
    }

    private sealed class ClassRunner(
        ITestClass testClass,
        IReflectionTypeInfo @class,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnostics,
        IMessageBus messageBus,
        ITestCaseOrderer testCaseOrderer,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        IDictionary<Type, object> collectionFixtureMappings
    )
        : XunitTestClassRunner(
            testClass,
            @class,
            testCases,
            diagnostics,
            messageBus,
            testCaseOrderer,
            aggregator,
            cancellationTokenSource,
            collectionFixtureMappings
        )
    {
        private readonly string? _skipReason = TestDatabase.SkipReason(TestDatabase.ProviderOf(@class.Type));

        protected override async Task<RunSummary> RunTestMethodAsync(
            ITestMethod testMethod,
            IReflectionMethodInfo method,
            IEnumerable<IXunitTestCase> testCases,
            object[] constructorArguments
        )
        {
            if (_skipReason is null)
            {
                return await base.RunTestMethodAsync(testMethod, method, testCases, constructorArguments);
            }

            var summary = new RunSummary();
            foreach (var testCase in testCases)
            {
                summary.Aggregate(
                    await new XunitTestCaseRunner(
                        testCase,
                        testCase.DisplayName,
                        _skipReason,
                        constructorArguments,
                        testCase.TestMethodArguments,
                        MessageBus,
                        new ExceptionAggregator(Aggregator),
                        CancellationTokenSource
                    ).RunAsync()
                );
            }

            return summary;
        }
    }
}
