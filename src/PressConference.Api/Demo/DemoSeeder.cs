using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.Identity;
using PressConference.Api.Outlets;
using PressConference.Api.RemotePoints;
using PressConference.Api.Series;
using PressConference.Api.Spokespersons;

namespace PressConference.Api.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Fill an empty database with demo data at start-up (same as the --seed-demo switch).</summary>
    public bool Seed { get; set; }
}

/// <summary>Fills an empty database with believable Vietnamese data; refuses to touch a database that holds anything.</summary>
public static class DemoSeeder
{
    private const string Switch = "--seed-demo";

    /// <summary>Turns the --seed-demo switch into the Demo:Seed setting (the command-line provider wants key=value).</summary>
    public static string[] TakeSwitch(string[] args) =>
        args.Contains(Switch) ? [.. args.Where(a => a != Switch), $"--{DemoOptions.Section}:Seed=true"] : args;

    public static WebApplicationBuilder AddDemoSeeder(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        return builder;
    }

    public static async Task SeedDemoIfAskedAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder));
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Briefings.AnyAsync(ct) || await db.RemotePoints.AnyAsync(ct) || await db.Outlets.AnyAsync(ct) || await db.Spokespersons.AnyAsync(ct)
            || await db.BriefingSeries.AnyAsync(ct) || await db.Users.CountAsync(ct) > 1)
        {
            logger.LogWarning("Demo data not seeded: the database is not empty.");
            return;
        }

        // The series publishes its first occurrences: briefing changes are recorded only inside a write transaction.
        var passwords = await WriteTransaction.RunAsync(db, () => SeedAsync(sp, ct), ct);
        Console.WriteLine("Demo data seeded. Demo accounts (shown only this once):");
        foreach (var (email, role, password) in passwords)
        {
            Console.WriteLine($"  {role,-10} {email,-32} {password}");
        }
    }

    private static async Task<List<(string Email, string Role, string Password)>> SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var planning = sp.GetRequiredService<BriefingPlanning>();
        var office = sp.GetRequiredService<IOptions<OfficeOptions>>().Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.LocalDate(now);
        var f = Builders.Faker(seed: 2026);

        var spokespersons = new List<Spokesperson>
        {
            ToSpokesperson(Builders.Spokesperson(f, today.AddYears(-1))),
            ToSpokesperson(Builders.Spokesperson(f, today.AddMonths(-6), "Sở Xây dựng")),
            ToSpokesperson(Builders.Spokesperson(f, today.AddMonths(-1), "Sở Y tế", "Phòng, chống dịch bệnh")),
        };
        db.Spokespersons.AddRange(spokespersons);

        var outlets = Builders.KnownOutlets.Select(r => ToOutlet(r, now)).ToList();
        db.Outlets.AddRange(outlets);

        var points = Builders.HanoiWards.Take(12).Select(w => ToRemotePoint(Builders.RemotePoint(f, w))).ToList();
        db.RemotePoints.AddRange(points);

        var series = new BriefingSeries
        {
            TitleTemplate = "Họp báo định kỳ tháng {month}/{year}",
            TopicTemplate = "Tình hình kinh tế - xã hội tháng {month}/{year}",
            Weekday = DayOfWeek.Thursday,
            WeekOfMonth = BriefingSeries.LastWeek,
            LocalStartTime = new TimeOnly(15, 0),
            DurationMinutes = 90,
            Venue = office.MainVenue,
            HostAgency = office.HostAgency,
            Capacity = office.MainVenueCapacity,
            SpokespersonId = spokespersons[0].Id,
            HorizonMonths = 6,
            Publish = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.BriefingSeries.Add(series);
        await db.SaveChangesAsync(ct);
        var generated = await sp.GetRequiredService<SeriesGenerator>().ExtendAsync(series, ct);
        foreach (var occurrence in generated.Created.Take(2))
        {
            foreach (var point in points.Take(5))
            {
                occurrence.RemotePoints.Add(new BriefingRemotePoint
                {
                    BriefingId = occurrence.Id, RemotePointId = point.Id, Capacity = point.Capacity, VideoLink = point.VideoLink, LinkedAt = now,
                });
            }
        }

        DateTimeOffset At(int days, int hour) => new(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)), VietnamTime.Offset);
        var adHoc = Briefing.Create(planning.Resolve(Builders.Briefing(f, At(2, 9),
            BriefingKind.AdHoc, "Hội trường tầng 2, 12 Lê Lai, Hoàn Kiếm", [spokespersons[0].Id])), now);
        var thematic = Briefing.Create(planning.Resolve(Builders.Briefing(f, At(9, 9),
            BriefingKind.Thematic, "Sở Xây dựng, 52 Lê Đại Hành, Hai Bà Trưng", [spokespersons[1].Id])), now);
        var draft = Briefing.Create(planning.Resolve(Builders.Briefing(f, At(20, 14),
            BriefingKind.Thematic, null, [spokespersons[2].Id])), now);
        adHoc.Publish(now);
        thematic.Publish(now);
        db.Briefings.AddRange(adHoc, thematic, draft);
        foreach (var b in new[] { adHoc, thematic, draft })
        {
            db.BriefingAudit.Add(BriefingAuditEntry.For(b.Id, null, now, "Created", "dữ liệu mẫu"));
        }

        await db.SaveChangesAsync(ct);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var accounts = new List<(string Email, string Role, string Password)>();
        foreach (var (email, role, name) in new[]
        {
            ("vanphong@demo.pressconference.vn", Roles.Organizer, "Trần Thu Hà"),
            ("cuavao@demo.pressconference.vn", Roles.DoorStaff, "Lê Văn Nam"),
            ("phongvien@demo.pressconference.vn", Roles.Reporter, "Nguyễn Thị Mai Hương"),
        })
        {
            var password = $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}a";
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, role);
                accounts.Add((email, role, password));
                if (role == Roles.Reporter)
                {
                    // A card of the new series (issued 2026), at an outlet under its current name.
                    var card = Builders.PressCard(f, name, outlets[1].Id, new DateOnly(2026, 1, 15), number: "026001");
                    db.Credentials.Add(new Credential
                    {
                        OwnerId = user.Id, Type = CredentialType.PressCard, OutletId = card.OutletId, OutletName = outlets[1].Name,
                        HolderName = card.HolderName!, Number = card.Number, BirthYear = card.BirthYear, IssuedOn = card.IssuedOn,
                        ExpiresOn = card.ExpiresOn, CreatedAt = now,
                    });
                    await db.SaveChangesAsync(ct);
                }
            }
        }

        return accounts;
    }

    private static Spokesperson ToSpokesperson(SpokespersonRequest r) => new()
    {
        FullName = r.FullName!, Title = r.Title!, Agency = r.Agency!, Phone = r.Phone, Email = r.Email,
        EffectiveFrom = r.EffectiveFrom!.Value, EffectiveTo = r.EffectiveTo, AuthorizedMatter = r.AuthorizedMatter,
    };

    private static Outlet ToOutlet(OutletRequest r, DateTime now)
    {
        var outlet = new Outlet
        {
            Name = r.Name!, NameKey = TextKey.Fold(r.Name), LicenceNumber = r.LicenceNumber, Kind = r.Kind!.Value, Status = r.Status!.Value,
            StatusFrom = r.StatusFrom, StatusUntil = r.StatusUntil, ContactEmail = r.ContactEmail, CreatedAt = now, UpdatedAt = now,
        };
        outlet.SetAliases(r.Aliases ?? []);
        return outlet;
    }

    private static RemotePoint ToRemotePoint(RemotePointRequest r) => new()
    {
        Name = r.Name!, NameKey = TextKey.Fold(r.Name), UnitName = r.UnitName!, UnitKind = r.UnitKind!.Value, Address = r.Address!,
        Capacity = r.Capacity!.Value, ContactName = r.ContactName, ContactPhone = r.ContactPhone, ContactEmail = r.ContactEmail,
        VideoLink = r.VideoLink, IsActive = true,
    };
}
