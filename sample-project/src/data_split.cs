#!/usr/bin/env -S dotnet run --file
#:property PublishAot=false
#:property InvariantGlobalization=true
#:include common.cs

// Stage data_split: generates a synthetic binary-classification data set and splits
// it into data/split/train.csv and data/split/test.csv.
//
// Each row has three features that are roughly normal (mean 0, sd 1). The label is 1
// when 2.0*x1 - 1.5*x2 + 0.5*x3 + 0.25 plus some noise is positive, so a linear model
// can learn most of it but not all. Only the seeded System.Random and + - * / are used,
// so the same parameters always give byte-identical files.
using System.Globalization;
using System.Text;
using static Pipeline;

int nSamples = Integer("data_split", "n_samples", 10, 1_000_000);
double testPct = Number("data_split", "test_pct", 0.01, 0.99);
int seed = Integer("data_split", "seed", 0, int.MaxValue);

var random = new Random(seed);
// Sum of n uniforms on [0, 1), centred and scaled to sd 1: a bell curve without Math.Log.
double Bell(int n) => (Enumerable.Range(0, n).Sum(_ => random.NextDouble()) - n / 2.0) * Math.Sqrt(12.0 / n);

var rows = new List<string>(nSamples);
for (int i = 0; i < nSamples; i++)
{
    // Features are rounded to 4 decimals, as a measured data set would be.
    double x1 = Math.Round(Bell(3), 4), x2 = Math.Round(Bell(3), 4), x3 = Math.Round(Bell(3), 4);
    double noise = 0.9 * Bell(4);
    int label = 2.0 * x1 - 1.5 * x2 + 0.5 * x3 + 0.25 + noise > 0 ? 1 : 0;
    rows.Add(string.Join(',', F(x1), F(x2), F(x3), label.ToString(CultureInfo.InvariantCulture)));
}

// Fisher-Yates shuffle, then the first test_pct of the rows become the test set.
for (int i = rows.Count - 1; i > 0; i--)
{
    int j = random.Next(i + 1);
    (rows[i], rows[j]) = (rows[j], rows[i]);
}
int nTest = (int)Math.Round(nSamples * testPct, MidpointRounding.AwayFromZero);
if (nTest < 1 || nTest >= nSamples)
    Fail($"test_pct {testPct.ToString(CultureInfo.InvariantCulture)} of {nSamples} rows leaves an empty train or test set");

WriteText("data/split/test.csv", Csv(rows.Take(nTest)));
WriteText("data/split/train.csv", Csv(rows.Skip(nTest)));

int positives = rows.Count(r => r.EndsWith(",1", StringComparison.Ordinal));
Console.WriteLine($"data_split: {nSamples} rows ({positives} positive), {nSamples - nTest} train / {nTest} test, seed {seed}");

static string F(double v) => (v + 0.0).ToString("F4", CultureInfo.InvariantCulture);

static string Csv(IEnumerable<string> lines)
{
    var text = new StringBuilder("x1,x2,x3,label\n");
    foreach (string line in lines) text.Append(line).Append('\n');
    return text.ToString();
}
