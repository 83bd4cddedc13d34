namespace Dvc.Core.Tests.Reporting;

/// <summary>A clock stopped at one instant, in UTC like the fixture runs (TZ=UTC).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
