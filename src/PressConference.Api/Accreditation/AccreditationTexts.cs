namespace PressConference.Api.Infrastructure;

public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] AccreditationTexts =
    [
        ("entity.outlet", "cơ quan báo chí", "Outlet"),
        ("entity.credential", "giấy tờ tác nghiệp", "Credential"),
        ("entity.registration", "đăng ký dự họp báo", "Registration"),
        ("entity.revocation", "thẻ bị thu hồi", "Card revocation"),
        ("entity.scan", "bản quét", "Scan"),

        ("outlet.statusDates", "Ngày kết thúc phải sau ngày bắt đầu của trạng thái.", "The status must end after it starts."),
        ("outlet.nameTaken", "Tên (hoặc tên cũ) này đã thuộc về một cơ quan báo chí khác.", "This name (or former name) already belongs to another outlet."),
        ("import.empty", "Tệp CSV trống hoặc thiếu dòng tiêu đề.", "The CSV file is empty or has no header row."),
        ("import.duplicateRow", "Dòng này trùng với một dòng trước đó trong tệp.", "This row repeats an earlier row of the file."),
        ("import.repeatedName", "Dòng này trùng tên với dòng {0} của tệp; chỉ dòng {0} được áp dụng.", "This row repeats the name of row {0} of the file; only row {0} is applied."),
        ("upload.missing", "Hãy gửi một tệp (multipart/form-data).", "Send one file (multipart/form-data)."),
        ("upload.tooLarge", "Tệp vượt quá {0} MB.", "The file exceeds {0} MB."),
        ("upload.type", "Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).", "Only PDF, JPEG or PNG files are accepted (checked by content, not by name)."),

        ("credential.outletNotFound", "Không có cơ quan báo chí này trong danh mục.", "This outlet is not in the registry."),
        ("credential.expiresBeforeIssued", "Ngày hết hạn phải sau ngày cấp.", "The expiry date must be after the issue date."),
        ("credential.validUntilBeforeFrom", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.", "The letter must end after it starts."),
        ("revocation.exists", "Số thẻ này đã có trong danh sách thu hồi.", "This card number is already on the revocation list."),

        ("registration.pointNotLinked", "Điểm cầu này không được kết nối với họp báo.", "This remote point is not linked to the briefing."),
        ("registration.mainVenue", "Điểm chính", "Main venue"),
        ("registration.reasonRequired", "Cần nêu lý do khi hủy đăng ký của người khác.", "A reason is required to cancel someone else's registration."),
        ("registration.transition", "Không thể thực hiện với đăng ký đang ở trạng thái {0}.", "Not possible for a registration that is {0}."),
        ("registration.full", "Địa điểm đã hết chỗ; hãy tăng sức chứa trước khi duyệt thêm.", "The location is full; raise its capacity before approving more."),
        ("enum.RegistrationStatus.Approved", "đã duyệt", "approved"),
        ("enum.RegistrationStatus.PendingReview", "chờ xem xét", "pending review"),
        ("enum.RegistrationStatus.Waitlisted", "trong danh sách chờ", "waitlisted"),
        ("enum.RegistrationStatus.Rejected", "bị từ chối", "rejected"),
        ("enum.RegistrationStatus.Cancelled", "đã hủy", "cancelled"),

        ("finding.BriefingNotOpen", "Họp báo chưa mở đăng ký ({0}).", "The briefing is not open for registration ({0})."),
        ("finding.RegistrationClosed", "Đã hết thời hạn đăng ký.", "Registration has closed."),
        ("finding.OutletUnknown", "\"{0}\" không có trong danh mục cơ quan báo chí được cấp phép.", "\"{0}\" is not a licensed press agency in the registry."),
        ("finding.OutletSuspended", "Cơ quan báo chí {0} đang bị đình chỉ hoạt động vào ngày họp báo.", "The outlet {0} is suspended on the briefing date."),
        ("finding.OutletRevoked", "Cơ quan báo chí {0} đã bị thu hồi giấy phép.", "The outlet {0} has had its licence revoked."),
        ("finding.CardExpired", "Thẻ nhà báo hết hạn ngày {0}, trước ngày họp báo.", "The press card expired on {0}, before the briefing date."),
        ("finding.CardRevoked", "Thẻ nhà báo đã bị thu hồi ngày {0}.", "The press card was revoked on {0}."),
        ("finding.CardSeriesCutOff", "Thẻ nhà báo kỳ hạn 2021–2025 chỉ còn giá trị đến ngày {0}.", "Press cards of the 2021–2025 series are valid only until {0}."),
        ("finding.LetterWrongAgency", "Giấy giới thiệu gửi \"{0}\", không phải cơ quan chủ trì họp báo ({1}).", "The letter is addressed to \"{0}\", not to the briefing's host agency ({1})."),
        ("finding.LetterNotValidOnDate", "Giấy giới thiệu chỉ có giá trị từ {0} đến {1}, không bao gồm ngày họp báo.", "The letter is valid from {0} to {1}, which does not cover the briefing date."),
        ("finding.LetterContentMissing", "Giấy giới thiệu không ghi nội dung làm việc.", "The letter does not state what the reporter will work on."),
        ("finding.NameMismatch", "Tên trên giấy tờ ({0}) không khớp với tên trong hồ sơ ({1}).", "The name on the credential ({0}) does not match the profile name ({1})."),
        ("finding.AlreadyRegistered", "Bạn đã đăng ký dự họp báo này.", "You are already registered for this briefing."),
        ("finding.CredentialBlocked", "Giấy tờ này đã bị khóa sau một vụ việc.", "This credential has been blocked after an incident."),
        ("finding.NameMatchesWithoutDiacritics", "Tên trên giấy tờ ({0}) chỉ khớp với tên trong hồ sơ ({1}) khi bỏ dấu; cần cán bộ xem xét.", "The name on the credential ({0}) matches the profile name ({1}) only without diacritics; a person will check."),
        ("finding.OutletMatchedByAlias", "Tên cơ quan trên giấy tờ ({0}) là tên cũ của {1}; cần cán bộ xem xét.", "The outlet on the credential ({0}) is a former name of {1}; a person will check."),
        ("finding.ManualReviewRequired", "Họp báo này duyệt đăng ký thủ công.", "Registrations for this briefing are reviewed by hand."),

        ("registration.briefingOver", "Không thể duyệt: họp báo {0}.", "Cannot approve: the briefing is {0}."),
    ];
}
