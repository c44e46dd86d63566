namespace SspPortal.Bench;

/// <summary>
/// The tickets the ticket-issue scenario received (wrk threads append their secrets to files), handed to the
/// ticket-open scenario so that each round opens tickets no earlier round opened.
/// </summary>
public sealed class TicketPool(string work)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string OutputPrefix { get; } = Path.Combine(work, "tickets");

    /// <summary>Tickets handed out a second time because no fresh ones were left.</summary>
    public int Reused { get; private set; }

    /// <summary>Writes every ticket not handed out yet to a file and returns its path.</summary>
    public string NextBatch(int round)
    {
        var fresh = new List<string>();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(OutputPrefix)!, Path.GetFileName(OutputPrefix) + ".*"))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0 && _used.Add(line))
                {
                    fresh.Add(line);
                }
            }
        }

        if (fresh.Count == 0)
        {
            // Nothing new (the issue round produced no tickets): open earlier ones again rather than stop; the
            // report's reuse count says so.
            fresh.AddRange(_used);
            Reused += fresh.Count;
        }

        if (fresh.Count == 0)
        {
            throw new InvalidOperationException("No tickets to open: the ticket-issue scenario must run before ticket-open.");
        }

        var path = Path.Combine(work, $"open-round-{round}.txt");
        File.WriteAllLines(path, fresh);
        return path;
    }
}
