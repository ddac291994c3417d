using System.Globalization;

namespace PressConference.Api.Passes;

/// <summary>An A6 page to print: the QR code as inline SVG and the pass's details, in Vietnamese.</summary>
internal static class PrintablePass
{
    private static readonly CultureInfo Vi = new("vi");

    public static string Render(PassResponse pass)
    {
        var svg = PassQr.Svg(pass.Token, 4);
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
        var place = pass.RemotePointId is null
            ? Row("pass.html.place", pass.Location)
            : Row("pass.html.remotePoint", pass.Location + (pass.LocationAddress is { } a ? " — " + a : string.Empty));
        return $$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>{{E(T("pass.html.title"))}} — {{E(pass.ReporterName)}}</title>
            <style>
            @page { size: A6 portrait; margin: 0; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; }
            .pass { width: 105mm; height: 148mm; padding: 6mm 7mm; display: flex; flex-direction: column; gap: 2mm; }
            h1 { font-size: 13pt; margin: 0; text-transform: uppercase; letter-spacing: .5pt; }
            h2 { font-size: 11pt; margin: 0; font-weight: 600; }
            .qr { width: 58mm; height: 58mm; margin: 1mm auto; }
            .qr svg { width: 100%; height: 100%; display: block; }
            dl { margin: 0; font-size: 9pt; display: grid; grid-template-columns: 30mm 1fr; gap: .8mm 2mm; }
            dt { color: #555; }
            dd { margin: 0; font-weight: 600; }
            .name { font-size: 14pt; text-align: center; font-weight: 700; margin: 0; }
            .outlet { font-size: 10pt; text-align: center; margin: 0; }
            .note { font-size: 7.5pt; color: #444; margin-top: auto; }
            </style>
            </head>
            <body>
            <main class="pass">
            <h1>{{E(T("pass.html.title"))}}</h1>
            <h2>{{E(pass.Briefing.Title)}}</h2>
            <div class="qr">{{svg}}</div>
            <p class="name">{{E(pass.ReporterName)}}</p>
            <p class="outlet">{{E(pass.OutletName)}}</p>
            <dl>
            {{Row("pass.html.reporter", pass.ReporterName)}}
            {{Row("pass.html.outlet", pass.OutletName)}}
            {{Row("pass.html.time", Day(pass.Briefing.LocalStart) + " – " + pass.Briefing.LocalEnd.ToString("HH:mm", Vi))}}
            {{place}}
            {{Row("pass.html.doorsOpen", Day(pass.LocalValidFrom))}}
            </dl>
            <p class="note">{{E(T("pass.html.note"))}}</p>
            </main>
            </body>
            </html>
            """;
    }

    private static string Row(string labelKey, string value) => $"<dt>{E(T(labelKey))}</dt><dd>{E(value)}</dd>";

    private static string Day(DateTimeOffset local) => Texts.Get(Vi, "pass.html.day", local, T($"weekday.{(int)local.DayOfWeek}"));

    private static string T(string key) => Texts.Get(Vi, key);

    /// <summary>Escapes markup only: Vietnamese letters stay as they are in a UTF-8 page (WebUtility would turn á into &amp;#225;).</summary>
    private static string E(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
