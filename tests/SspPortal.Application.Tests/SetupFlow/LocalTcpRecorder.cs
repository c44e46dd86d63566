using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SspPortal.Application.Tests.SetupFlow;

/// <summary>A bare TCP listener on 127.0.0.1 that accepts connections, records the first line sent on each, and closes it.</summary>
public sealed class LocalTcpRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LocalTcpRecorder()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<string> FirstLines { get; } = new();

    public int Connections => _connections;

    private int _connections;

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            using (socket)
            {
                var buffer = new byte[1024];
                try
                {
                    using var read = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    read.CancelAfter(TimeSpan.FromSeconds(2));
                    var count = await socket.ReceiveAsync(buffer, SocketFlags.None, read.Token);
                    var text = System.Text.Encoding.ASCII.GetString(buffer, 0, count);
                    FirstLines.Enqueue(text.Split("\r\n")[0]);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException)
                {
                    FirstLines.Enqueue("");
                }
            }
        }
    }
}
