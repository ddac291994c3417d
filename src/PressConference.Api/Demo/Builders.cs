using Bogus;
using PressConference.Api.Briefings;
using PressConference.Api.RemotePoints;
using PressConference.Api.Spokespersons;

namespace PressConference.Api.Demo;

/// <summary>
/// Believable Vietnamese data, one builder per aggregate, shared by the demo seeder and the tests. Builders make
/// request bodies, so demo data goes through the same rules as real input.
/// </summary>
public static class Builders
{
    /// <summary>Wards of Hanoi as they are since 1 July 2025 (districts abolished).</summary>
    public static readonly string[] HanoiWards =
    [
        "Ba Đình", "Hoàn Kiếm", "Cửa Nam", "Hồng Hà", "Tây Hồ", "Ngọc Hà", "Giảng Võ", "Đống Đa", "Ô Chợ Dừa", "Kim Liên",
        "Văn Miếu - Quốc Tử Giám", "Láng", "Cầu Giấy", "Nghĩa Đô", "Yên Hòa", "Hai Bà Trưng", "Bạch Mai", "Vĩnh Tuy",
        "Hoàng Mai", "Long Biên", "Bồ Đề", "Việt Hưng", "Phúc Lợi", "Hà Đông", "Thanh Xuân", "Khương Đình",
    ];

    public static readonly string[] CityDepartments =
    [
        "Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa và Thể thao",
    ];

    private static readonly string[] Topics =
    [
        "Tình hình kinh tế - xã hội, thu ngân sách và giải ngân vốn đầu tư công",
        "Công tác phòng, chống dịch bệnh mùa mưa",
        "Tiến độ các dự án đường sắt đô thị",
        "Chuyển đổi số và dịch vụ công trực tuyến",
        "Quản lý trật tự xây dựng và đô thị",
        "Bảo đảm an toàn giao thông dịp cuối năm",
    ];

    public static Faker Faker(int? seed = null)
    {
        var faker = new Faker("vi");
        if (seed is { } s)
        {
            faker.Random = new Randomizer(s);
        }

        return faker;
    }

    public static string PersonName(Faker f) => $"{f.Name.LastName()} {f.Name.FirstName()}";

    public static string Phone(Faker f) => "09" + f.Random.ReplaceNumbers("########");

    public static SpokespersonRequest Spokesperson(Faker f, DateOnly effectiveFrom, string? agency = null, string? matter = null) => new(
        PersonName(f),
        f.PickRandom("Chánh Văn phòng UBND thành phố", "Phó Chánh Văn phòng UBND thành phố", "Giám đốc Sở", "Phó Giám đốc Sở"),
        agency ?? "UBND thành phố Hà Nội",
        Phone(f),
        $"phatngon{f.Random.Number(100, 999)}@hanoi.gov.vn",
        effectiveFrom,
        null,
        matter);

    public static RemotePointRequest RemotePoint(Faker f, string? ward = null)
    {
        ward ??= f.PickRandom(HanoiWards);
        return new RemotePointRequest(
            $"Điểm cầu phường {ward}",
            $"UBND phường {ward}",
            RemotePointUnitKind.Ward,
            $"Số {f.Random.Number(1, 200)} {f.Address.StreetName()}, phường {ward}, Hà Nội",
            f.Random.Number(10, 40),
            PersonName(f),
            Phone(f),
            $"vanphong.{TextSlug(ward)}@hanoi.gov.vn",
            $"https://hop.hanoi.gov.vn/phong/{TextSlug(ward)}",
            true);
    }

    /// <summary>A briefing at the given local time; ad-hoc ones carry their trigger reason.</summary>
    public static BriefingRequest Briefing(Faker f, DateTimeOffset localStart, BriefingKind kind = BriefingKind.Thematic,
        string? venue = null, IReadOnlyList<Guid>? spokespersonIds = null) => new(
        kind switch
        {
            BriefingKind.AdHoc => $"Họp báo đột xuất: {f.PickRandom(Topics)}",
            BriefingKind.Thematic => $"Họp báo chuyên đề: {f.PickRandom(Topics)}",
            _ => $"Họp báo định kỳ tháng {localStart.Month}/{localStart.Year}",
        },
        kind,
        f.PickRandom(Topics),
        kind == BriefingKind.AdHoc ? f.PickRandom("Mưa lớn gây ngập úng diện rộng", "Sự cố cháy tại khu dân cư", "Sự cố sạt lở bờ sông") : null,
        null,
        venue,
        localStart,
        localStart.AddMinutes(90),
        f.Random.Number(40, 150),
        null,
        null,
        null,
        null,
        spokespersonIds);

    private static string TextSlug(string text) => Infrastructure.TextKey.Fold(text).Replace(" - ", "-", StringComparison.Ordinal).Replace(' ', '-');
}
