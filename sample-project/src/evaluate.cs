#!/usr/bin/env -S dotnet run --file
#:property PublishAot=false
#:property InvariantGlobalization=true
#:include common.cs

// Stage evaluate: scores data/split/test.csv with model/model.json, writes the
// metrics to metrics.json and the ROC curve (one point per distinct score) to plots/roc.csv.
using System.Text;
using System.Text.Json;
using static Pipeline;

double threshold = Number("evaluate", "threshold", 0, 1);

var (features, weights, bias) = ReadModel("model/model.json");
var test = ReadDataSet("data/split/test.csv");
if (!features.SequenceEqual(test.Features))
    Fail($"model/model.json was trained on [{string.Join(", ", features)}] but data/split/test.csv has [{string.Join(", ", test.Features)}]");

int n = test.Y.Length;
var scores = new double[n];
int tp = 0, fp = 0, fn = 0;
double logLoss = 0;
for (int i = 0; i < n; i++)
{
    double z = bias;
    for (int j = 0; j < weights.Length; j++) z += weights[j] * test.X[i][j];
    double p = scores[i] = Sigmoid(z);
    bool predicted = p >= threshold, actual = test.Y[i] == 1;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    double clipped = Math.Clamp(p, 1e-15, 1 - 1e-15);
    logLoss -= actual ? Math.Log(clipped) : Math.Log(1 - clipped);
}
int tn = n - tp - fp - fn;
double accuracy = (double)(tp + tn) / n;
double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
double recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
logLoss /= n;

// ROC: lower the threshold through every distinct score, highest first.
int positives = tp + fn, negatives = n - positives;
if (positives == 0 || negatives == 0) Fail("data/split/test.csv needs rows of both labels for a ROC curve");
int[] order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
var roc = new StringBuilder("fpr,tpr,threshold\n0,0,1\n");
int tpAt = 0, fpAt = 0;
double auc = 0, lastFpr = 0, lastTpr = 0;
for (int k = 0; k < n; k++)
{
    if (test.Y[order[k]] == 1) tpAt++; else fpAt++;
    if (k + 1 < n && scores[order[k + 1]] == scores[order[k]]) continue;
    double fpr = (double)fpAt / negatives, tpr = (double)tpAt / positives;
    auc += (fpr - lastFpr) * (tpr + lastTpr) / 2;
    (lastFpr, lastTpr) = (fpr, tpr);
    roc.Append($"{Num(Math.Round(fpr, 4))},{Num(Math.Round(tpr, 4))},{Num(Math.Round(scores[order[k]], 4))}\n");
}

WriteJson("metrics.json", json =>
{
    json.WriteStartObject();
    json.WriteNumber("accuracy", Math.Round(accuracy, 4));
    json.WriteNumber("precision", Math.Round(precision, 4));
    json.WriteNumber("recall", Math.Round(recall, 4));
    json.WriteNumber("f1", Math.Round(f1, 4));
    json.WriteNumber("logloss", Math.Round(logLoss, 4));
    json.WriteNumber("roc_auc", Math.Round(auc, 4));
    json.WriteEndObject();
});
WriteText("plots/roc.csv", roc.ToString());

Console.WriteLine($"evaluate: {n} test rows, accuracy {Num(Math.Round(accuracy, 4))}, f1 {Num(Math.Round(f1, 4))}, " +
                  $"log loss {Num(Math.Round(logLoss, 4))}, ROC AUC {Num(Math.Round(auc, 4))} (threshold {Num(threshold)})");

static (string[] Features, double[] Weights, double Bias) ReadModel(string path)
{
    if (!File.Exists(path)) Fail($"{path} not found (run the train stage first)");
    try
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = doc.RootElement;
        string[] features = [.. root.GetProperty("features").EnumerateArray().Select(e => e.GetString() ?? "")];
        double[] weights = [.. root.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble())];
        if (features.Length != weights.Length) Fail($"{path}: {features.Length} features but {weights.Length} weights");
        return (features, weights, root.GetProperty("bias").GetDouble());
    }
    catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
    {
        Fail($"{path}: not a model file ({e.Message})");
        return default;
    }
}
