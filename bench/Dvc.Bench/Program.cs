using Dvc.Core.Cache;
using Dvc.Core.Config;
using Dvc.Core.Hashing;

// Usage: Dvc.Bench hash FILE | Dvc.Bench restore FILE CACHE_DIR DEST LINKTYPE
// "restore" first stores FILE in CACHE_DIR (untimed, once), then times only the checkout.
switch (args)
{
    case ["hash", var file]:
        Console.WriteLine(FileHasher.Md5(file));
        break;
    case ["restore", var file, var cacheDir, var destination, var linkType]:
        var cache = new ObjectCache(cacheDir);
        var md5 = FileHasher.Md5(file);
        cache.AddFile(file, md5);
        if (File.Exists(destination))
        {
            File.Delete(destination);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        cache.Checkout(md5, destination, [Enum.Parse<LinkType>(linkType, ignoreCase: true)]);
        Console.WriteLine($"{watch.Elapsed.TotalSeconds:0.000}");
        break;
    default:
        Console.Error.WriteLine("usage: Dvc.Bench hash FILE | restore FILE CACHE_DIR DEST reflink|hardlink|copy");
        return 2;
}

return 0;
