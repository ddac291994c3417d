using System.Globalization;

namespace PressConference.Api.Web;

/// <summary>Short hands for pages: sentences from <see cref="Texts"/>, dates and times in Hanoi time the Vietnamese way.</summary>
public static class WebText
{
    /// <summary>The sentence <paramref name="key"/> in the request's language.</summary>
    public static string L(string key, params object?[] args) => Texts.Get(key, args);

    /// <summary>24/12/2026</summary>
    public static string Date(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>15:00</summary>
    public static string Time(DateTime utc) => VietnamTime.ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Thứ Năm" / "Thursday"</summary>
    public static string Weekday(DateTime utc) => CultureInfo.CurrentUICulture.TextInfo.ToTitleCase(
        VietnamTime.ToLocal(utc).ToString("dddd", CultureInfo.CurrentCulture));

    /// <summary>"15:00, Thứ Năm 24/12/2026"</summary>
    public static string When(DateTime utc) => $"{Time(utc)}, {Weekday(utc)} {Date(utc)}";

    /// <summary>"15:00–16:30, Thứ Năm 24/12/2026" (the end's date only when it differs).</summary>
    public static string Span(DateTime startUtc, DateTime endUtc) =>
        VietnamTime.LocalDate(startUtc) == VietnamTime.LocalDate(endUtc)
            ? $"{Time(startUtc)}–{Time(endUtc)}, {Weekday(startUtc)} {Date(startUtc)}"
            : $"{When(startUtc)} – {When(endUtc)}";

    /// <summary>The value of an HTML datetime attribute: the instant with its +07:00 offset.</summary>
    public static string Machine(DateTime utc) => VietnamTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
}
