using Bogus;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.Outlets;
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

    /// <summary>
    /// Real streets in each ward (after the July 2025 reorganisation), for addresses that read as Hanoi addresses; Bogus's
    /// "vi" street names come with English suffixes ("Overpass", "Heights").
    /// </summary>
    private static readonly Dictionary<string, string[]> StreetsByWard = new(StringComparer.Ordinal)
    {
        ["Ba Đình"] = ["phố Đội Cấn", "phố Nguyễn Thái Học", "đường Hùng Vương"],
        ["Hoàn Kiếm"] = ["phố Đinh Tiên Hoàng", "phố Hàng Bài", "phố Lê Thái Tổ"],
        ["Cửa Nam"] = ["phố Quán Sứ", "phố Trần Hưng Đạo", "phố Hai Bà Trưng"],
        ["Hồng Hà"] = ["phố Chương Dương Độ", "đường Bạch Đằng", "phố Nguyễn Huy Tự"],
        ["Tây Hồ"] = ["đường Lạc Long Quân", "phố Xuân Diệu", "đường Âu Cơ"],
        ["Ngọc Hà"] = ["phố Hoàng Hoa Thám", "phố Đội Cấn", "phố Ngọc Hà"],
        ["Giảng Võ"] = ["phố Giảng Võ", "phố Kim Mã", "phố Cát Linh"],
        ["Đống Đa"] = ["phố Xã Đàn", "phố Tôn Đức Thắng", "phố Nguyễn Lương Bằng"],
        ["Ô Chợ Dừa"] = ["đường Đê La Thành", "phố Hào Nam", "phố Khâm Thiên"],
        ["Kim Liên"] = ["phố Phạm Ngọc Thạch", "phố Lương Định Của", "phố Đào Duy Anh"],
        ["Văn Miếu - Quốc Tử Giám"] = ["phố Quốc Tử Giám", "phố Văn Miếu", "phố Nguyễn Khuyến"],
        ["Láng"] = ["đường Láng", "phố Chùa Láng", "phố Nguyễn Chí Thanh"],
        ["Cầu Giấy"] = ["đường Cầu Giấy", "đường Xuân Thủy", "phố Trần Đăng Ninh"],
        ["Nghĩa Đô"] = ["đường Hoàng Quốc Việt", "phố Nguyễn Văn Huyên", "phố Hoàng Sâm"],
        ["Yên Hòa"] = ["phố Trung Kính", "phố Yên Hòa", "đường Trần Duy Hưng"],
        ["Hai Bà Trưng"] = ["phố Lê Đại Hành", "phố Bà Triệu", "phố Huế"],
        ["Bạch Mai"] = ["phố Bạch Mai", "phố Minh Khai", "phố Trần Khát Chân"],
        ["Vĩnh Tuy"] = ["phố Vĩnh Tuy", "phố Minh Khai", "phố Lạc Trung"],
        ["Hoàng Mai"] = ["đường Giải Phóng", "phố Tam Trinh", "đường Nguyễn Hữu Thọ"],
        ["Long Biên"] = ["đường Nguyễn Văn Cừ", "phố Ngọc Lâm", "đường Nguyễn Sơn"],
        ["Bồ Đề"] = ["phố Bồ Đề", "đường Nguyễn Sơn", "phố Hồng Tiến"],
        ["Việt Hưng"] = ["đường Nguyễn Cao Luyện", "phố Vũ Đức Thận", "đường Ngô Gia Tự"],
        ["Phúc Lợi"] = ["đường Phúc Lợi", "phố Hội Xá", "đường Nguyễn Văn Linh"],
        ["Hà Đông"] = ["đường Quang Trung", "phố Tô Hiệu", "đường Trần Phú"],
        ["Thanh Xuân"] = ["đường Nguyễn Trãi", "phố Khuất Duy Tiến", "phố Vũ Trọng Phụng"],
        ["Khương Đình"] = ["phố Khương Đình", "đường Nguyễn Xiển", "phố Hạ Đình"],
    };

    /// <summary>For a ward not in the table (tests name made-up ones): streets every Hanoian knows.</summary>
    private static readonly string[] CommonStreets = ["phố Tràng Tiền", "phố Lý Thường Kiệt", "đường Láng Hạ", "phố Phan Đình Phùng"];

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
            $"Số {f.Random.Number(1, 200)} {f.PickRandom(StreetsByWard.GetValueOrDefault(ward) ?? CommonStreets)}, phường {ward}, Hà Nội",
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

    /// <summary>
    /// Licensed press agencies of Hanoi and national outlets; the merged city outlet carries the names of the outlets
    /// merged into it (January 2026) as aliases, and one magazine is suspended.
    /// </summary>
    public static readonly OutletRequest[] KnownOutlets =
    [
        Outlet("Báo và Phát thanh, Truyền hình Hà Nội", OutletKind.RadioTelevision, "158/GP-BVHTTDL",
            ["Báo Hànội mới", "Báo Hà Nội mới", "Đài Phát thanh và Truyền hình Hà Nội", "Báo Kinh tế và Đô thị", "Tạp chí Người Hà Nội"]),
        Outlet("Báo Tuổi Trẻ", OutletKind.Newspaper, "485/GP-BTTTT"),
        Outlet("Báo Thanh Niên", OutletKind.Newspaper, "229/GP-BTTTT"),
        Outlet("Báo điện tử VnExpress", OutletKind.Online, "548/GP-BTTTT", ["VnExpress"]),
        Outlet("Báo Nhân Dân", OutletKind.Newspaper, "88/GP-BTTTT"),
        Outlet("Đài Truyền hình Việt Nam", OutletKind.RadioTelevision, "23/GP-BTTTT", ["VTV"]),
        Outlet("Đài Tiếng nói Việt Nam", OutletKind.RadioTelevision, "24/GP-BTTTT", ["VOV"]),
        Outlet("Thông tấn xã Việt Nam", OutletKind.Newspaper, "19/GP-BTTTT", ["TTXVN", "Vietnam News Agency"]),
        Outlet("Báo Lao Động", OutletKind.Newspaper, "342/GP-BTTTT"),
        Outlet("Tạp chí Đời sống Đô thị", OutletKind.Magazine, "612/GP-BTTTT") with
        {
            Status = OutletStatus.Suspended, StatusFrom = new DateOnly(2026, 10, 1), StatusUntil = new DateOnly(2027, 3, 31),
        },
    ];

    public static OutletRequest Outlet(string name, OutletKind kind = OutletKind.Newspaper, string? licence = null, IReadOnlyList<string>? aliases = null,
        OutletStatus status = OutletStatus.Active) => new(name, aliases ?? [], licence, kind, status, null, null,
        $"toasoan@{new string(Infrastructure.TextKey.Fold(name).Where(char.IsAsciiLetterOrDigit).ToArray())}.vn", null, null);

    /// <summary>A press card of the new series (valid five years from issue) unless the dates say otherwise.</summary>
    public static CredentialRequest PressCard(Faker f, string holderName, Guid? outletId, DateOnly issuedOn, DateOnly? expiresOn = null,
        string? number = null, string? outletName = null) => new(
        CredentialType.PressCard, outletId, outletName, null, number ?? f.Random.ReplaceNumbers("######"), holderName,
        f.Random.Number(1970, 2000), issuedOn, expiresOn ?? issuedOn.AddYears(5), null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>An introduction letter addressed to <paramref name="addressedTo"/>, valid on the given days.</summary>
    public static CredentialRequest IntroductionLetter(Faker f, string reporterName, Guid? outletId, string addressedTo, DateOnly validFrom,
        DateOnly validUntil, string? purpose = "Đưa tin họp báo", string? outletName = null) => new(
        CredentialType.IntroductionLetter, outletId, outletName, null, null, null, null, null, null,
        $"{f.Random.Number(10, 999)}/GGT-TS", validFrom.AddDays(-3), reporterName, "Phóng viên", addressedTo, purpose, validFrom, validUntil,
        PersonName(f), "Tổng Biên tập", "0" + f.Random.ReplaceNumbers("###########"));

    private static string TextSlug(string text) => Infrastructure.TextKey.Fold(text).Replace(" - ", "-", StringComparison.Ordinal).Replace(' ', '-');
}
