using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PressConference.Api.Briefings;
using PressConference.Api.Demo;

namespace PressConference.Testing;

/// <summary>
/// A briefing made through the API: its id and title, its times as the service stored them (UTC), the body the service
/// last answered (after publishing, if it was published), and the request that made it (to send again changed).
/// </summary>
public sealed record TestBriefing(Guid Id, string Title, DateTime StartsAt, DateTime EndsAt, DateTime DoorsOpenAt, JsonNode Body,
    BriefingRequest Request);

/// <summary>A remote point made through the API, with a contact e-mail of its own (mail to it can be told apart).</summary>
public sealed record TestRemotePoint(Guid Id, string Name, string ContactEmail);

/// <summary>
/// The one way tests make briefings and remote points: request bodies from <see cref="Builders"/> (the demo seeder's
/// builders), sent by an organizer over HTTP, so test data passes the same rules as real input. Times are Hanoi times
/// counted from the host's clock, which tests only move forward.
/// </summary>
public sealed class TestData(HttpClient organizer, TimeProvider clock)
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private int _nextDay = 2;

    /// <summary>Believable Vietnamese values, the same on every run.</summary>
    public Bogus.Faker Faker { get; } = Builders.Faker(10);

    /// <summary>
    /// <paramref name="days"/> after today in Hanoi (by the host's clock) at the given local time, whatever the
    /// machine's own offset.
    /// </summary>
    public DateTimeOffset At(int days, int hour, int minute = 0) =>
        new(clock.GetUtcNow().ToOffset(Hanoi).Date.AddDays(days).AddHours(hour).AddMinutes(minute), Hanoi);

    /// <summary><paramref name="hours"/> from now, to the whole minute, in Hanoi time.</summary>
    public DateTimeOffset HoursAhead(double hours)
    {
        var instant = clock.GetUtcNow().AddHours(hours).ToOffset(Hanoi);
        return instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMinute));
    }

    /// <summary>09:00 in Hanoi on a day no earlier briefing of this fixture's <see cref="NextDay"/> calls took.</summary>
    public DateTimeOffset NextDay() => At(_nextDay++, 9);

    /// <summary>
    /// A briefing of 90 minutes, ten days ahead at 09:00 unless <paramref name="startsAt"/> says otherwise, at a venue of
    /// its own (no clashes between tests) unless <paramref name="venue"/> is given; published unless told not to. What is
    /// not given is the builder's (title, topic) or the office's default (registration window, doors).
    /// </summary>
    public async Task<TestBriefing> BriefingAsync(DateTimeOffset? startsAt = null, int capacity = 50, bool autoApprove = true,
        string? title = null, BriefingKind kind = BriefingKind.Thematic, string? hostAgency = null, string? venue = null,
        DateTimeOffset? registrationOpensAt = null, TimeSpan? registrationClosesBefore = null, bool publish = true)
    {
        var start = startsAt ?? At(10, 9);
        var request = Builders.Briefing(Faker, start, kind, venue: venue ?? $"Hội trường {Guid.NewGuid():N}") with
        {
            Capacity = capacity, AutoApprove = autoApprove, HostAgency = hostAgency, RegistrationOpensAt = registrationOpensAt,
            RegistrationClosesAt = start - registrationClosesBefore,
        };
        if (title is not null)
        {
            request = request with { Title = title };
        }

        var body = await organizer.PostJsonAsync("/api/briefings", request).ExpectAsync(HttpStatusCode.Created);
        if (publish)
        {
            body = await organizer.PostJsonAsync($"/api/briefings/{body.Id()}/publish").ExpectAsync(HttpStatusCode.OK);
        }

        var starts = Utc(body.Str("startsAt"));
        return new TestBriefing(body.Id(), body.Str("title"), starts, Utc(body.Str("endsAt")),
            starts.AddMinutes(-body["doorsOpenMinutesBefore"]!.GetValue<int>()), body, request);
    }

    /// <summary>
    /// A new remote point (a ward's hall, of <paramref name="ward"/> or a made-up one), linked to the briefing
    /// <paramref name="linkTo"/> with <paramref name="capacity"/> seats (and a video link of its own, if given).
    /// </summary>
    public async Task<TestRemotePoint> RemotePointAsync(Guid? linkTo = null, string? ward = null, int capacity = 20, string? videoLink = null,
        string? contactName = null)
    {
        var request = Builders.RemotePoint(Faker, ward ?? $"Thử {Guid.NewGuid():N}"[..16]);
        request = request with
        {
            ContactName = contactName ?? request.ContactName, ContactEmail = $"diemcau-{Guid.NewGuid():N}@hanoi.test",
        };
        var id = (await organizer.PostJsonAsync("/api/remote-points", request).ExpectAsync(HttpStatusCode.Created)).Id();
        if (linkTo is { } briefingId)
        {
            await organizer.PostJsonAsync($"/api/briefings/{briefingId}/remote-points", new { remotePointId = id, capacity, videoLink })
                .ExpectAsync(HttpStatusCode.Created);
        }

        return new TestRemotePoint(id, request.Name!, request.ContactEmail!);
    }

    /// <summary>An instant the service wrote (ISO 8601, UTC), as a UTC <see cref="DateTime"/>.</summary>
    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
