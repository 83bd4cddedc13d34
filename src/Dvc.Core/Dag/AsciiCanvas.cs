using System.Text;

namespace Dvc.Core.Dag;

/// <summary>A grid of characters with DVC's line and box primitives (dvc/dagascii.py::AsciiCanvas).
/// Rounding is half-to-even, as Python's round().</summary>
internal sealed class AsciiCanvas
{
    private readonly char[][] _cells;

    public AsciiCanvas(int columns, int lines)
    {
        _cells = Enumerable.Range(0, lines).Select(_ => Enumerable.Repeat(' ', columns).ToArray()).ToArray();
    }

    public void Point(int x, int y, char c)
    {
        // DVC asserts here; a point off the canvas can only come from a layout bug, so drop it.
        if (y >= 0 && y < _cells.Length && x >= 0 && x < _cells[y].Length)
        {
            _cells[y][x] = c;
        }
    }

    public void Line(int x0, int y0, int x1, int y1, char c)
    {
        if (x0 > x1)
        {
            (x0, y0, x1, y1) = (x1, y1, x0, y0);
        }

        int dx = x1 - x0, dy = y1 - y0;
        if (dx == 0 && dy == 0)
        {
            Point(x0, y0, c);
        }
        else if (Math.Abs(dx) >= Math.Abs(dy))
        {
            for (var x = x0; x <= x1; x++)
            {
                Point(x, dx == 0 ? y0 : y0 + Round((x - x0) * dy / (double)dx), c);
            }
        }
        else if (y0 < y1)
        {
            for (var y = y0; y <= y1; y++)
            {
                Point(x0 + Round((y - y0) * dx / (double)dy), y, c);
            }
        }
        else
        {
            for (var y = y1; y <= y0; y++)
            {
                Point(x1 + Round((y - y1) * dx / (double)dy), y, c);
            }
        }
    }

    public void Text(int x, int y, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            Point(x + i, y, text[i]);
        }
    }

    public void Box(int x0, int y0, int width, int height)
    {
        width--;
        height--;
        for (var x = x0; x < x0 + width; x++)
        {
            Point(x, y0, '-');
            Point(x, y0 + height, '-');
        }

        for (var y = y0; y < y0 + height; y++)
        {
            Point(x0, y, '|');
            Point(x0 + width, y, '|');
        }

        Point(x0, y0, '+');
        Point(x0 + width, y0, '+');
        Point(x0, y0 + height, '+');
        Point(x0 + width, y0 + height, '+');
    }

    public static int Round(double value) => (int)Math.Round(value, MidpointRounding.ToEven);

    public string Draw() => string.Join("\n", _cells.Select(row => new string(row)));
}
