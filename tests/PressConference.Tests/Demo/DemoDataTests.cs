using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Demo;

namespace PressConference.Tests.Demo;

/// <summary>Demo data ends up in mails and on screens: every address and sentence reads as Vietnamese written in Hanoi.</summary>
public sealed partial class DemoDataTests
{
    /// <summary>Bogus's street suffixes (its English fallback for "vi") and other English words an address or sentence must not carry.</summary>
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "Alley", "Avenue", "Bridge", "Brook", "Bypass", "Camp", "Canyon", "Causeway", "Center", "Circle", "Cliff", "Club", "Common", "Corner",
        "Course", "Court", "Cove", "Creek", "Crescent", "Crest", "Crossing", "Curve", "Dale", "Drive", "Estate", "Estates", "Expressway",
        "Extension", "Falls", "Ferry", "Field", "Fields", "Flat", "Flats", "Ford", "Forest", "Forge", "Fork", "Fort", "Freeway", "Garden",
        "Gardens", "Gateway", "Glen", "Green", "Grove", "Harbor", "Haven", "Heights", "Highway", "Hill", "Hills", "Hollow", "Inlet", "Island",
        "Isle", "Junction", "Knoll", "Lake", "Lakes", "Landing", "Lane", "Light", "Lodge", "Loop", "Mall", "Manor", "Meadow", "Meadows", "Mews",
        "Mill", "Mills", "Mission", "Motorway", "Mount", "Mountain", "Orchard", "Oval", "Overpass", "Park", "Parkway", "Pass", "Path", "Pike",
        "Pine", "Pines", "Place", "Plain", "Plaza", "Point", "Port", "Prairie", "Ramp", "Ranch", "Rapids", "Ridge", "River", "Road", "Route",
        "Row", "Run", "Shore", "Shores", "Skyway", "Spring", "Springs", "Square", "Station", "Stravenue", "Stream", "Street", "Summit", "Terrace",
        "Trace", "Track", "Trail", "Tunnel", "Turnpike", "Underpass", "Union", "Valley", "Via", "Viaduct", "View", "Village", "Ville", "Vista",
        "Walk", "Wall", "Way", "Well", "Wells", "The", "And", "Of", "Hall", "Room", "Floor", "Building", "Ward", "District", "City", "Demo", "Data",
    };

    private static List<string> EnglishWords(string? text) =>
        text is null ? [] : Words().Split(text).Where(English.Contains).ToList();

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex Words();

    [Test]
    public async Task Demo_remote_points_have_vietnamese_addresses_with_a_street_and_a_ward_of_hanoi()
    {
        await using var factory = new TestHost(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var addresses = await db.RemotePoints.Select(p => p.Address).ToListAsync();
        // The builders make the test data too: many draws, known wards and made-up ones.
        for (var seed = 0; seed < 20; seed++)
        {
            var faker = Builders.Faker(seed);
            addresses.AddRange(Builders.HanoiWards.Select(w => Builders.RemotePoint(faker, w).Address!));
            addresses.Add(Builders.RemotePoint(faker, $"Thử {Guid.NewGuid():N}"[..16]).Address!);
            addresses.Add(Builders.RemotePoint(faker).Address!);
        }

        Assert.That(addresses.Where(a => EnglishWords(a).Count > 0), Is.Empty);
        Assert.That(addresses, Has.All.Match(@"^Số \d+ (phố|đường) \p{Lu}[\p{L} .-]+, phường [^,]+, Hà Nội$"));
    }

    [Test]
    public async Task Every_demo_sentence_and_name_is_vietnamese()
    {
        await using var factory = new TestHost(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var texts = new List<string?>();
        foreach (var p in await db.RemotePoints.AsNoTracking().ToListAsync())
        {
            texts.AddRange([p.Name, p.UnitName, p.Address, p.ContactName]);
        }

        foreach (var b in await db.Briefings.AsNoTracking().ToListAsync())
        {
            texts.AddRange([b.Title, b.Topic, b.Venue, b.HostAgency, b.TriggerReason]);
        }

        foreach (var s in await db.Spokespersons.AsNoTracking().ToListAsync())
        {
            texts.AddRange([s.FullName, s.Title, s.Agency, s.AuthorizedMatter]);
        }

        texts.AddRange(await db.BriefingAudit.Select(a => a.Reason).ToListAsync());
        texts.AddRange(await db.Outlets.Select(o => o.Name).ToListAsync());
        texts.AddRange(await db.Users.Select(u => u.DisplayName).ToListAsync());
        Assert.That(texts.Where(t => EnglishWords(t).Count > 0), Is.Empty);
    }
}
