namespace PressConference.Api.Infrastructure;

/// <summary>Sentences about reporter accounts that the API and the pages both say.</summary>
public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] AccountTexts =
    [
        ("account.emailNotConfirmed", "Bạn cần xác nhận địa chỉ email trước khi đăng ký tham dự họp báo. Hãy mở liên kết trong thư xác nhận, hoặc gửi lại thư từ trang Hồ sơ.",
            "Confirm your e-mail address before registering for a briefing. Open the link in the confirmation mail, or send it again from your profile page."),
        ("account.invalidLink", "Liên kết không hợp lệ hoặc đã hết hạn; hãy yêu cầu gửi thư mới.", "The link is invalid or has expired; ask for a new mail."),
    ];
}
