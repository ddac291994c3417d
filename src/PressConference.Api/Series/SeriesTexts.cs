namespace PressConference.Api.Infrastructure;

public static partial class Texts
{
    private static readonly (string Key, string Vi, string En)[] SeriesTexts =
    [
        ("series.eitherRule", "Chọn một quy tắc: ngày trong tháng (dayOfMonth) hoặc thứ trong tuần kèm tuần thứ mấy (weekday + weekOfMonth).", "Choose one rule: dayOfMonth, or weekday with weekOfMonth."),
        ("series.weekOfMonth", "Tuần trong tháng phải từ 1 đến 4, hoặc -1 cho tuần cuối.", "weekOfMonth must be 1 to 4, or -1 for the last."),
        ("series.placeholders", "Mẫu tiêu đề chỉ dùng được: {0}.", "The title template may only use: {0}."),
        ("compliance.ok", "Lịch họp báo định kỳ bảo đảm khoảng cách tối đa {0} tháng.", "Regular briefings keep within the {0}-month maximum interval."),
        ("compliance.exceeded", "Đã quá {0} tháng kể từ buổi họp báo định kỳ gần nhất.", "More than {0} months have passed since the last regular briefing."),
        ("compliance.willExceed", "Buổi họp báo định kỳ tiếp theo chưa được lên lịch trước hạn {1} (tối đa {0} tháng).", "The next regular briefing is not scheduled before the deadline {1} ({0}-month maximum)."),
        ("compliance.never", "Chưa có buổi họp báo định kỳ nào được tổ chức.", "No regular briefing has been held yet."),
    ];
}
