namespace PressConference.Api.Passes;

/// <summary>
/// Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, so a QR code of binary data
/// uses alphanumeric mode (5.5 bits a character) instead of byte mode (8 bits).
/// </summary>
public static class Base45
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly sbyte[] Values = BuildValues();

    public static int EncodedLength(int byteCount) => byteCount / 2 * 3 + byteCount % 2 * 2;

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[EncodedLength(bytes.Length)];
        var c = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var n = bytes[i] * 256 + bytes[i + 1];
            chars[c++] = Alphabet[n % 45];
            chars[c++] = Alphabet[n / 45 % 45];
            chars[c++] = Alphabet[n / 2025];
        }

        if (bytes.Length % 2 == 1)
        {
            var n = bytes[^1];
            chars[c++] = Alphabet[n % 45];
            chars[c] = Alphabet[n / 45];
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes strictly: a character outside the alphabet, a length of 3n+1, or a group above 65535 (or a final pair
    /// above 255) is refused rather than guessed at.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 3 == 1)
        {
            return false;
        }

        var result = new byte[text.Length / 3 * 2 + (text.Length % 3 == 2 ? 1 : 0)];
        var b = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var remaining = text.Length - i;
            if (!TryValue(text[i], out var c0) || !TryValue(text[i + 1], out var c1))
            {
                return false;
            }

            if (remaining >= 3)
            {
                if (!TryValue(text[i + 2], out var c2))
                {
                    return false;
                }

                var n = c0 + c1 * 45 + c2 * 2025;
                if (n > 0xFFFF)
                {
                    return false;
                }

                result[b++] = (byte)(n >> 8);
                result[b++] = (byte)(n & 0xFF);
            }
            else
            {
                var n = c0 + c1 * 45;
                if (n > 0xFF)
                {
                    return false;
                }

                result[b++] = (byte)n;
            }
        }

        bytes = result;
        return true;
    }

    public static byte[] Decode(string text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException("Not a valid Base45 string.");

    private static bool TryValue(char c, out int value)
    {
        value = c < Values.Length ? Values[c] : -1;
        return value >= 0;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
