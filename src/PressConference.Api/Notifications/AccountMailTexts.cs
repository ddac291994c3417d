namespace PressConference.Api.Infrastructure;

/// <summary>The account mails (<see cref="Notifications.AccountMails"/>); {link} is the whole address to open.</summary>
public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] AccountMailTexts =
    [
        ("mail.AccountEmailConfirmation.subject", "Xác nhận địa chỉ email của anh/chị", "Confirm your e-mail address"),
        ("mail.AccountEmailConfirmation.body",
            "Cảm ơn anh/chị đã đăng ký tài khoản phóng viên. Để đăng ký tham dự họp báo, đề nghị anh/chị xác nhận địa chỉ email này bằng cách mở liên kết:\n\n{link}\n\nNếu anh/chị không đăng ký, xin bỏ qua thư này.",
            "Thank you for signing up as a reporter. To register for briefings, confirm this e-mail address by opening the link:\n\n{link}\n\nIf you did not sign up, ignore this message."),
        ("mail.AccountPasswordReset.subject", "Đặt lại mật khẩu", "Reset your password"),
        ("mail.AccountPasswordReset.body",
            "Có yêu cầu đặt lại mật khẩu cho tài khoản của anh/chị. Anh/chị mở liên kết sau trong vòng 24 giờ để đặt mật khẩu mới:\n\n{link}\n\nNếu anh/chị không yêu cầu, xin bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.",
            "Someone asked to reset the password of this account. Open this link within 24 hours to set a new password:\n\n{link}\n\nIf it was not you, ignore this message; your password stays as it is."),
    ];
}
