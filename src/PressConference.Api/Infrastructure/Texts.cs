using System.Globalization;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Every sentence a person reads, in Vietnamese (the default) and English. The request's culture
/// (Accept-Language, see <see cref="InfrastructureSetup"/>) picks the language.
/// </summary>
public static partial class Texts
{
    public static bool IsEnglish(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";

    public static string Get(string key, params object?[] args) => Get(CultureInfo.CurrentUICulture, key, args);

    public static string Get(CultureInfo culture, string key, params object?[] args)
    {
        if (!All.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No text for '{key}'.");
        }

        var template = IsEnglish(culture) ? text.En : text.Vi;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>Localized name of an enum value, e.g. a briefing status; falls back to the value's name.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var key = $"enum.{typeof(TEnum).Name}.{value}";
        return All.ContainsKey(key) ? Get(key) : value.ToString();
    }

    // Lazy: the arrays live in partial files across features, and static field initialisers across files run in no set order.
    private static readonly Lazy<Dictionary<string, (string Vi, string En)>> AllTexts = new(Build);

    internal static IReadOnlyDictionary<string, (string Vi, string En)> All => AllTexts.Value;

    private static Dictionary<string, (string Vi, string En)> Build()
    {
        var all = new Dictionary<string, (string Vi, string En)>(StringComparer.Ordinal);
        foreach (var (key, vi, en) in Common.Concat(BriefingTexts).Concat(SeriesTexts).Concat(DirectoryTexts).Concat(AccreditationTexts).Concat(IncidentTexts)
                     .Concat(PassTexts).Concat(CheckInTexts).Concat(NotificationTexts)
                     .Concat(AccountTexts).Concat(AccountMailTexts).Concat(WebTexts))
        {
            all.Add(key, (vi, en));
        }

        return all;
    }

    private static readonly (string Key, string Vi, string En)[] Common =
    [
        ("status.400", "Yêu cầu không hợp lệ", "Bad request"),
        ("status.401", "Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn", "Not signed in, or the session has expired"),
        ("status.403", "Không có quyền thực hiện thao tác này", "You are not allowed to do this"),
        ("status.404", "Không tìm thấy", "Not found"),
        ("status.405", "Phương thức không được hỗ trợ", "Method not allowed"),
        ("status.409", "Xung đột với trạng thái hiện tại", "Conflict with the current state"),
        ("status.413", "Dữ liệu gửi lên quá lớn", "Payload too large"),
        ("status.415", "Kiểu dữ liệu không được hỗ trợ", "Unsupported media type"),
        ("status.429", "Quá nhiều yêu cầu, vui lòng thử lại sau", "Too many requests, try again later"),
        ("status.500", "Lỗi hệ thống, vui lòng thử lại sau", "Internal error, please try again later"),
        ("validation.title", "Dữ liệu không hợp lệ", "One or more fields are invalid"),
        ("validation.body", "Nội dung yêu cầu không đọc được (JSON sai cú pháp hoặc thiếu).", "The request body could not be read (malformed or missing JSON)."),
        ("validation.value", "Giá trị không đúng định dạng.", "The value has the wrong format."),
        ("validation.enum", "Giá trị không hợp lệ; chấp nhận: {0}.", "Invalid value; allowed: {0}."),
        ("validation.date", "Ngày giờ không hợp lệ; dùng dạng 2026-12-24T15:00 (giờ Việt Nam) hoặc kèm múi giờ.", "Invalid date/time; use 2026-12-24T15:00 (Vietnam time) or an instant with an offset."),
        ("validation.dateOnly", "Ngày không hợp lệ; dùng dạng YYYY-MM-DD.", "Invalid date; use YYYY-MM-DD."),
        ("validation.timeOnly", "Giờ không hợp lệ; dùng dạng HH:mm.", "Invalid time; use HH:mm."),
        ("validation.number", "Phải là một số.", "Must be a number."),
        ("validation.boolean", "Phải là true hoặc false.", "Must be true or false."),
        ("validation.guid", "Mã định danh không hợp lệ.", "Invalid identifier."),
        ("validation.required", "Bắt buộc phải nhập.", "Required."),
        ("validation.tooLarge", "Dữ liệu gửi lên vượt quá {0} byte.", "The request body exceeds {0} bytes."),
        ("validation.query", "Tham số '{0}' không hợp lệ.", "The parameter '{0}' is invalid."),
        ("problem.notFound", "Không tìm thấy {0}.", "{0} was not found."),
        ("problem.concurrency", "Dữ liệu vừa được người khác thay đổi; hãy tải lại rồi thử lại.", "Someone else changed this record just now; reload and try again."),
        ("problem.internal", "Đã xảy ra lỗi không mong muốn. Mã theo dõi: {0}.", "An unexpected error occurred. Trace id: {0}."),
        ("auth.invalidLogin", "Email hoặc mật khẩu không đúng.", "Wrong email or password."),
        ("auth.invalidLogin.title", "Sai e-mail hoặc mật khẩu", "Wrong e-mail or password"),
        ("auth.lockedOut.title", "Tài khoản tạm bị khóa", "Account temporarily locked"),
        ("auth.notAllowed.title", "Tài khoản chưa được phép đăng nhập", "Account not allowed to sign in"),
        ("auth.lockedOut", "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần; thử lại sau {0} phút.", "The account is locked after repeated failed logins; try again in {0} minutes."),
        ("auth.notAllowed", "Tài khoản chưa được phép đăng nhập.", "This account may not sign in."),
        ("auth.emailTaken", "Email này đã được đăng ký.", "This email is already registered."),
        ("auth.password", "Mật khẩu phải có ít nhất 8 ký tự, gồm chữ hoa, chữ thường và chữ số.", "The password needs at least 8 characters with upper case, lower case and a digit."),
        ("auth.role", "Vai trò không tồn tại; chấp nhận: {0}.", "Unknown role; allowed: {0}."),
        ("auth.rateLimited", "Quá nhiều lần thử từ địa chỉ này; thử lại sau {0} giây.", "Too many attempts from this address; try again in {0} seconds."),
        ("entity.briefing", "họp báo", "Briefing"),
        ("entity.series", "chuỗi họp báo định kỳ", "Briefing series"),
        ("entity.remotePoint", "điểm cầu", "Remote point"),
        ("entity.spokesperson", "người phát ngôn", "Spokesperson"),
        ("entity.user", "tài khoản", "User"),
    ];
}
