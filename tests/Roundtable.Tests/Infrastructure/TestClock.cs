using Microsoft.Extensions.Time.Testing;

namespace Roundtable.Tests.Infrastructure;

// The app's TimeProvider in tests. FakeTimeProvider cannot go backwards, so each test starts from
// a fresh one at the same instant.
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Current { get; private set; } = new(Start);

    public void Reset(DateTimeOffset? at = null) => Current = new FakeTimeProvider(at ?? Start);

    public void Advance(TimeSpan by) => Current.Advance(by);

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override long GetTimestamp() => Current.GetTimestamp();

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}
