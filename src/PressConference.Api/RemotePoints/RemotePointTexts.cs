namespace PressConference.Api.Infrastructure;

public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] DirectoryTexts =
    [
        ("spokesperson.inUse", "Người phát ngôn đã được gắn với họp báo; hãy đặt ngày hết hiệu lực thay vì xóa.", "The spokesperson is named on briefings; set effectiveTo instead of deleting."),
        ("remotePoint.nameTaken", "Đã có điểm cầu mang tên này.", "A remote point with this name already exists."),
        ("remotePoint.inactive", "Điểm cầu đang ngừng hoạt động.", "The remote point is inactive."),
        ("remotePoint.alreadyLinked", "Điểm cầu đã được kết nối với họp báo này.", "The remote point is already linked to this briefing."),
        ("remotePoint.notLinked", "Điểm cầu chưa được kết nối với họp báo này.", "The remote point is not linked to this briefing."),
        ("remotePoint.hasRegistrations", "Đã có phóng viên đăng ký dự tại điểm cầu này; hãy hủy các đăng ký trước.", "Reporters are registered at this remote point; cancel their registrations first."),
    ];
}
