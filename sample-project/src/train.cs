#!/usr/bin/env -S dotnet run --file
#:property PublishAot=false
#:property InvariantGlobalization=true
#:include common.cs

// Stage train: fits a logistic regression to data/split/train.csv by batch gradient
// descent with L2 regularisation, and writes the weights to model/model.json.
// Weights start at zero and rows are visited in file order, so training is deterministic.
using static Pipeline;

double lr = Number("train", "lr", 1e-6, 100);
int epochs = Integer("train", "epochs", 1, 1_000_000);
double l2 = Number("train", "l2", 0, 100);

var data = ReadDataSet("data/split/train.csv");
int n = data.Y.Length, d = data.Features.Length;

var w = new double[d];
double b = 0;
for (int epoch = 0; epoch < epochs; epoch++)
{
    var gradW = new double[d];
    double gradB = 0;
    for (int i = 0; i < n; i++)
    {
        double error = Predict(data.X[i]) - data.Y[i];
        for (int j = 0; j < d; j++) gradW[j] += error * data.X[i][j];
        gradB += error;
    }
    for (int j = 0; j < d; j++) w[j] -= lr * (gradW[j] / n + l2 * w[j]);
    b -= lr * gradB / n;
}

double loss = 0;
for (int i = 0; i < n; i++)
{
    double p = Math.Clamp(Predict(data.X[i]), 1e-15, 1 - 1e-15);
    loss -= data.Y[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
}
loss /= n;

WriteJson("model/model.json", json =>
{
    json.WriteStartObject();
    json.WriteStartArray("features");
    foreach (string f in data.Features) json.WriteStringValue(f);
    json.WriteEndArray();
    json.WriteStartArray("weights");
    foreach (double v in w) json.WriteNumberValue(v);
    json.WriteEndArray();
    json.WriteNumber("bias", b);
    json.WriteEndObject();
});

Console.WriteLine($"train: {n} rows, {d} features, log loss {Num(Math.Round(loss, 4))} after {epochs} epochs (lr {Num(lr)}, l2 {Num(l2)})");

double Predict(double[] x)
{
    double z = b;
    for (int j = 0; j < d; j++) z += w[j] * x[j];
    return Sigmoid(z);
}
