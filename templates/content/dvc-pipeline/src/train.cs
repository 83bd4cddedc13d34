#!/usr/bin/env -S dotnet run --file
#:property PublishAot=false
#:property InvariantGlobalization=true

// Stage train: fits y = a*x + b by least squares to points on the line y = slope*x + 1 with a
// little deterministic noise, and writes the model and its error. DVC runs each stage from the
// folder that holds dvc.yaml, so the paths below are relative to it.
using System.Globalization;
using System.Text.RegularExpressions;

var parameters = File.ReadAllText("params.yaml");
double slope = Param("slope");
int points = (int)Param("points");

var xs = Enumerable.Range(0, points).Select(i => (double)i).ToArray();
var ys = xs.Select((x, i) => slope * x + 1 + (i % 3 - 1) * 0.1).ToArray();
double meanX = xs.Average(), meanY = ys.Average();
double a = xs.Zip(ys).Sum(p => (p.First - meanX) * (p.Second - meanY)) / xs.Sum(x => (x - meanX) * (x - meanX));
double b = meanY - a * meanX;
double rmse = Math.Sqrt(xs.Zip(ys).Average(p => Math.Pow(a * p.First + b - p.Second, 2)));

Directory.CreateDirectory("model");
File.WriteAllText("model/model.json", Invariant($"{{\"a\": {a:R}, \"b\": {b:R}}}\n"));
File.WriteAllText("metrics.json", Invariant($"{{\"rmse\": {rmse:R}}}\n"));
Console.WriteLine(Invariant($"train: a={a:F4} b={b:F4} rmse={rmse:F4}"));

// Reads `  name: value` under `train:` in params.yaml; a real project may use a YAML library.
double Param(string name)
{
    var match = Regex.Match(parameters, @"^train:\s*\n(?:[ \t]+.*\n)*?[ \t]+" + name + @":\s*([-0-9.eE+]+)", RegexOptions.Multiline);
    return match.Success
        ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
        : throw new InvalidDataException($"train.{name} is missing from params.yaml");
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
