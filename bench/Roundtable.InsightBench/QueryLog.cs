using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Roundtable.InsightBench;

// Counts every command EF sends and keeps the last request's commands with their durations, so
// a slow figure can be traced to the query behind it. Requests are sent one at a time.
public sealed class QueryLog : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public ConcurrentQueue<(TimeSpan Duration, string Sql)> Commands { get; } = new();

    public bool KeepText { get; set; }

    public void Clear() => Commands.Clear();

    private void Record(DbCommand command, TimeSpan duration)
    {
        Interlocked.Increment(ref _count);
        if (KeepText)
        {
            // Parameters written as a psql script's \set lines, so the command can be EXPLAINed as sent.
            var parameters = string.Concat(command.Parameters.Cast<DbParameter>()
                .Select(p => $"-- {p.ParameterName} = {FormatValue(p.Value)}\n"));
            Commands.Enqueue((duration, parameters + command.CommandText));
        }
    }

    private static string FormatValue(object? value) => value switch
    {
        null or DBNull => "NULL",
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => "{" + string.Join(",", e.Cast<object?>().Select(FormatValue)) + "}",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData.Duration);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }
}
