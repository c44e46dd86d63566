using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SspPortal.Application.Tests.Support;

/// <summary>
/// When armed, runs one write (through its own context, on any engine) just before the next SaveChanges sends its
/// commands: the way another editor's write lands between our read and our write. ServiceTestBase registers it before
/// the app's interceptors, so on SQLite the write is done before the service's save queues for the write gate.
/// </summary>
public sealed class ConcurrentWriteInterceptor : SaveChangesInterceptor
{
    private Func<DbContext, Task>? _write;

    public void Arm(Func<Task> write) => _write = _ => write();

    /// <summary>Arms with a write made from what the saving context is about to write (its change tracker).</summary>
    public void Arm(Func<DbContext, Task> write) => _write = write;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        // Taken before it runs: the armed write's own SaveChanges passes through here too.
        if (eventData.Context is { } context && Interlocked.Exchange(ref _write, null) is { } write)
        {
            await write(context);
        }

        return result;
    }
}
