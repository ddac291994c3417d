namespace PressConference.Api.Infrastructure;

public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] CheckInTexts =
    [
        ("checkin.admitted", "Mời vào: {0} — {1}.", "Admitted: {0} — {1}."),
        ("checkin.already", "Thẻ này đã vào lúc {0:HH:mm dd/MM} tại {1}; không tính lần nữa.", "This pass was checked in at {0:HH:mm dd/MM}, {1}; not counted again."),
        ("checkin.reason.InvalidSignature", "Chữ ký không hợp lệ: thẻ giả hoặc đã bị sửa.", "Invalid signature: the pass is forged or altered."),
        ("checkin.reason.Malformed", "Mã QR này không phải thẻ dự họp báo.", "This QR code is not a briefing pass."),
        ("checkin.reason.UnknownKey", "Thẻ được ký bằng một khóa không xác định.", "The pass is signed with an unknown key."),
        ("checkin.reason.WrongBriefing", "Thẻ dành cho một cuộc họp báo khác.", "The pass is for another briefing."),
        ("checkin.reason.WrongLocation", "Thẻ dành cho địa điểm khác (hội trường chính hoặc điểm cầu khác).", "The pass is for another location (main venue or another remote point)."),
        ("checkin.reason.NotYetOpen", "Chưa đến giờ mở cửa.", "Doors are not open yet."),
        ("checkin.reason.Closed", "Họp báo đã kết thúc; thẻ hết hiệu lực.", "The briefing is over; the pass has expired."),
        ("checkin.reason.NotYetOpen.at", "Chưa đến giờ mở cửa: cửa mở lúc {0}.", "Doors are not open yet: they open at {0}."),
        ("checkin.reason.Closed.at", "Họp báo đã kết thúc lúc {0}; thẻ hết hiệu lực.", "The briefing ended at {0}; the pass has expired."),
        ("checkin.reason.Revoked", "Thẻ đã bị thu hồi.", "The pass has been revoked."),
        ("checkin.reason.Cancelled", "Đăng ký hoặc cuộc họp báo đã bị hủy.", "The registration or the briefing was cancelled."),
        ("checkin.conflict.AdmittedTwice", "Thẻ được cho vào ở hai lần quét; chỉ tính lần sớm nhất ({0:HH:mm:ss} tại {1}).", "The pass was admitted at two scans; only the earliest counts ({0:HH:mm:ss}, {1})."),
        ("checkin.conflict.RevokedBeforeScan", "Cửa đã cho vào một thẻ bị thu hồi từ {0:HH:mm dd/MM}.", "The door admitted a pass revoked at {0:HH:mm dd/MM}."),
        ("checkin.conflict.RefusedByServer", "Cửa đã cho vào nhưng máy chủ từ chối: {0}", "The door admitted it but the server refuses: {0}"),
        ("checkin.tooManyScans", "Mỗi lần đồng bộ gửi tối đa {0} lượt quét.", "A sync sends at most {0} scans."),
        ("checkin.mainVenue", "Hội trường chính", "Main venue"),
        ("checkin.notDoorStaff", "Tài khoản này không có vai trò nhân viên cửa (DoorStaff).", "This account does not have the DoorStaff role."),
        ("checkin.boundElsewhere", "Tài khoản này được phân công cho cuộc họp báo hoặc địa điểm khác.", "This account is bound to another briefing or location."),
        ("checkin.csv.location", "Địa điểm", "Location"),
        ("checkin.csv.reporter", "Phóng viên", "Reporter"),
        ("checkin.csv.outlet", "Cơ quan báo chí", "Outlet"),
        ("checkin.csv.status", "Tình trạng", "Status"),
        ("checkin.csv.checkedInAt", "Giờ vào", "Checked in at"),
        ("checkin.csv.door", "Cửa", "Door"),
        ("enum.AttendanceStatus.CheckedIn", "Đã vào", "Checked in"),
        ("enum.AttendanceStatus.NotYetArrived", "Chưa đến", "Not yet arrived"),
        ("enum.AttendanceStatus.NoShow", "Vắng mặt", "No-show"),
        ("enum.AttendanceStatus.Revoked", "Đã thu hồi", "Revoked"),
        ("enum.AttendanceStatus.Cancelled", "Đã hủy", "Cancelled"),
    ];

    private static readonly (string Key, string Vi, string En)[] PassTexts =
    [
        ("entity.pass", "thẻ dự họp báo", "Pass"),
        ("pass.revoked", "Thẻ này đã bị thu hồi hoặc hủy nên không thể in.", "This pass has been revoked or cancelled and cannot be printed."),
        ("pass.html.title", "Thẻ dự họp báo", "Briefing pass"),
        ("pass.html.reporter", "Phóng viên", "Reporter"),
        ("pass.html.outlet", "Cơ quan báo chí", "Outlet"),
        ("pass.html.time", "Thời gian", "Time"),
        ("pass.html.place", "Địa điểm", "Place"),
        ("pass.html.remotePoint", "Điểm cầu", "Remote point"),
        ("pass.html.doorsOpen", "Mở cửa đón khách", "Doors open"),
        ("pass.html.note", "Xuất trình mã QR này tại cửa. Thẻ chỉ dùng cho một người và một lần vào.", "Show this QR code at the door. One person, one entry."),
        ("pass.html.day", "{0:HH:mm}, {1} ngày {0:dd/MM/yyyy}", "{0:HH:mm}, {1} {0:dd/MM/yyyy}"),
        ("weekday.0", "Chủ nhật", "Sunday"),
        ("weekday.1", "Thứ Hai", "Monday"),
        ("weekday.2", "Thứ Ba", "Tuesday"),
        ("weekday.3", "Thứ Tư", "Wednesday"),
        ("weekday.4", "Thứ Năm", "Thursday"),
        ("weekday.5", "Thứ Sáu", "Friday"),
        ("weekday.6", "Thứ Bảy", "Saturday"),
    ];
}
