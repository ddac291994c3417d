using System.Globalization;
using System.Text;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Folds Vietnamese text for searching and matching: Unicode NFC, lower case, single spaces, and (for keys)
/// no diacritics, so "Họp báo THÁNG 12" and "hop bao thang 12" meet. Đ/đ do not decompose in Unicode and are
/// mapped by hand.
/// </summary>
public static class TextKey
{
    /// <summary>NFC, trimmed, lower case, runs of white space collapsed to one space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var nfc = text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(nfc.Length);
        var lastWasSpace = true;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Normalized and stripped of diacritics: the form stored in *Key columns and compared in queries.</summary>
    public static string Fold(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return normalized;
        }

        var decomposed = normalized.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c == 'đ' ? 'd' : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when the text carries any Vietnamese diacritic (or đ).</summary>
    public static bool HasDiacritics(string? text) => !string.Equals(Normalize(text), Fold(text), StringComparison.Ordinal);
}
