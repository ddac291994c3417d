namespace PressConference.Api.Infrastructure;

public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] BriefingTexts =
    [
        ("briefing.transition", "Không thể {0} khi họp báo đang ở trạng thái \"{1}\".", "Cannot {0} a briefing that is {1}."),
        ("briefing.publishPast", "Không thể công bố họp báo đã đến giờ bắt đầu.", "Cannot publish a briefing whose start has passed."),
        ("briefing.completeFuture", "Họp báo chưa bắt đầu nên chưa thể đánh dấu đã tổ chức.", "The briefing has not started yet, so it cannot be completed."),
        ("briefing.useReschedule", "Họp báo đã công bố: đổi thời gian bằng thao tác dời lịch (reschedule) để mọi người được báo.", "The briefing is published: change its time with reschedule so everyone is told."),
        ("briefing.triggerReasonRequired", "Họp báo đột xuất phải ghi rõ lý do tổ chức.", "An ad-hoc briefing needs the reason it was called."),
        ("briefing.endsBeforeStart", "Giờ kết thúc phải sau giờ bắt đầu.", "The end must be after the start."),
        ("briefing.tooLong", "Một buổi họp báo không kéo dài quá 24 giờ.", "A briefing cannot last more than 24 hours."),
        ("briefing.closesAfterStart", "Hạn đăng ký phải trước hoặc đúng giờ bắt đầu.", "Registration must close no later than the start."),
        ("briefing.opensAfterClose", "Thời điểm mở đăng ký phải trước hạn đăng ký.", "Registration must open before it closes."),
        ("briefing.startInPast", "Thời gian mới phải ở tương lai.", "The new time must be in the future."),
        ("briefing.forceReason", "Khi bỏ qua xung đột lịch phải ghi lý do.", "Overriding a schedule conflict needs a reason."),
        ("briefing.spokespersonUnknown", "Không có người phát ngôn với mã {0}.", "There is no spokesperson with id {0}."),
        ("briefing.spokespersonNotEffective", "{0} không còn (hoặc chưa) là người phát ngôn vào ngày {1}.", "{0} is not a spokesperson on {1}."),
        ("briefing.conflictVenue", "Trùng địa điểm và thời gian với họp báo \"{0}\" lúc {1}.", "Overlaps the briefing \"{0}\" at {1} at the same venue."),
        ("briefing.conflictSpokesperson", "Người phát ngôn đã có lịch họp báo \"{0}\" lúc {1}.", "The spokesperson is already speaking at \"{0}\" at {1}."),
        ("enum.BriefingStatus.Draft", "bản nháp", "a draft"),
        ("enum.BriefingStatus.Published", "đã công bố", "published"),
        ("enum.BriefingStatus.RegistrationClosed", "đã đóng đăng ký", "closed for registration"),
        ("enum.BriefingStatus.Completed", "đã tổ chức", "completed"),
        ("enum.BriefingStatus.Cancelled", "đã hủy", "cancelled"),
        ("enum.BriefingAction.Edit", "sửa", "edit"),
        ("enum.BriefingAction.Publish", "công bố", "publish"),
        ("enum.BriefingAction.CloseRegistration", "đóng đăng ký", "close registration for"),
        ("enum.BriefingAction.Complete", "đánh dấu đã tổ chức", "complete"),
        ("enum.BriefingAction.Cancel", "hủy", "cancel"),
        ("enum.BriefingAction.Reschedule", "dời lịch", "reschedule"),
        ("enum.BriefingAction.LinkRemotePoint", "thay đổi điểm cầu", "change the remote points of"),
    ];
}
