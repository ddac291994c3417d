namespace PressConference.Api.Infrastructure;

public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] IncidentTexts =
    [
        ("entity.incident", "vụ việc", "Incident"),
        ("entity.evidence", "tài liệu chứng cứ", "Evidence"),

        ("incident.whoRequired", "Cần tên người liên quan (hoặc mã đăng ký, mã giấy tờ).", "Give the person's name (or a registration or credential id)."),
        ("incident.blockOrganizersOnly", "Chỉ cán bộ văn phòng được khóa giấy tờ; hãy ghi nhận sự việc, văn phòng sẽ quyết định.", "Only office staff may block a credential; record the incident and the office will decide."),
        ("incident.noCredential", "Không có giấy tờ nào để khóa; hãy gửi registrationId hoặc credentialId.", "There is no credential to block; send registrationId or credentialId."),
        ("incident.blockReason", "Khóa giấy tờ sau vụ việc: {0}", "Credential blocked after an incident: {0}"),
        ("enum.IncidentKind.ForgedCredential", "giả mạo giấy tờ", "forged credential"),
        ("enum.IncidentKind.ExpiredCredential", "sử dụng giấy tờ hết hạn", "expired credential"),
        ("enum.IncidentKind.BorrowedCredential", "mượn giấy tờ của người khác", "borrowed credential"),
        ("enum.IncidentKind.Harassment", "lợi dụng danh nghĩa báo chí để gây phiền hà", "harassment under the name of the press"),
        ("enum.IncidentKind.Other", "khác", "other"),

        ("report.title", "Báo cáo vụ việc lợi dụng danh nghĩa báo chí", "Report of a misuse of press credentials"),
        ("report.to", "Kính gửi", "To"),
        ("report.hotline", "đường dây nóng", "hotline"),
        ("report.from", "Đơn vị báo cáo", "Reported by the agency"),
        ("report.kind", "Loại vụ việc", "Kind"),
        ("report.person", "Người liên quan", "Person"),
        ("report.outlet", "Cơ quan báo chí (tự xưng)", "Outlet (as stated)"),
        ("report.when", "Thời gian", "When"),
        ("report.where", "Địa điểm", "Where"),
        ("report.briefing", "Họp báo", "Briefing"),
        ("report.credential", "Giấy tờ xuất trình", "Credential shown"),
        ("report.card", "Thẻ nhà báo số {0}", "Press card no. {0}"),
        ("report.letter", "Giấy giới thiệu số {0} ngày {1}", "Introduction letter no. {0} of {1}"),
        ("report.blocked", "Đã khóa giấy tờ", "Credential blocked"),
        ("report.yes", "Có", "Yes"),
        ("report.no", "Không", "No"),
        ("report.reportedBy", "Người ghi nhận", "Recorded by"),
        ("report.what", "Diễn biến", "What happened"),
        ("report.evidence", "Tài liệu chứng cứ kèm theo", "Evidence attached"),
        ("report.noEvidence", "Chưa có tài liệu.", "None yet."),
    ];
}
