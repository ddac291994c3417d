using QRCoder;

namespace PressConference.Api.Passes;

/// <summary>QR codes of pass tokens: error correction M; the Base45 text makes QRCoder choose alphanumeric mode.</summary>
public static class PassQr
{
    public static QRCodeData Data(string token)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
    }

    public static byte[] Png(string token, int pixelsPerModule)
    {
        using var data = Data(token);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    public static string Svg(string token, int pixelsPerModule)
    {
        using var data = Data(token);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(pixelsPerModule);
    }
}
