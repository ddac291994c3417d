using PressConference.Api.Passes;

namespace PressConference.BrowserTests.Support;

/// <summary>
/// A camera that films a pass: Chromium plays a Y4M file as its fake capture device
/// (<c>--use-file-for-fake-video-capture</c>), so the page's camera scanner runs end to end without hardware.
/// </summary>
public static class FakeCamera
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>Writes the pass's QR code (as the pass page prints it: error correction M, quiet zone) as a still video.</summary>
    public static string WriteVideo(string token, string folder)
    {
        using var qr = PassQr.Data(token);
        var matrix = qr.ModuleMatrix;
        var modules = matrix.Count;
        var scale = Math.Min(Width, Height) / modules;
        var left = (Width - modules * scale) / 2;
        var top = (Height - modules * scale) / 2;

        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235);
        for (var row = 0; row < modules; row++)
        {
            for (var column = 0; column < modules; column++)
            {
                if (!matrix[row][column])
                {
                    continue;
                }

                for (var y = 0; y < scale; y++)
                {
                    Array.Fill(luma, (byte)16, (top + row * scale + y) * Width + left + column * scale, scale);
                }
            }
        }

        // 4:2:0, no colour: both chroma planes at the neutral value.
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128);
        var path = Path.Combine(folder, "pass-camera.y4m");
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 2; frame++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }

        return path;
    }
}
