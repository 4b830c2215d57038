"""Score a folder of resumes against a folder of postings on Apache Spark, writing Parquet.

    pip install "atsmatch[spark]"
    python examples/spark_job.py RESUMES_DIR POSTINGS_DIR OUT.parquet [--top 100] [--master local[2]]

Two steps, as in the CLI's --top: (1) extract every document once (``extract_udf`` over
``binaryFile`` content) and keep, for each posting, the ``top`` resumes by weighted keyword coverage
(a join on keyword names, the Spark form of ``atsmatch.batch.KeywordIndex``); (2) score only those
pairs (``score_udf``) and write one row per pair, fields as in the CLI's JSON rows. On a cluster,
pass ``--master yarn`` (or submit with spark-submit) and point the folders at shared storage.
"""

import argparse

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

from atsmatch.batch import BatchSettings
from atsmatch.lexicon.cache import default_cache_dir
from atsmatch.spark import extract_udf, score_udf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("resumes")
    parser.add_argument("postings")
    parser.add_argument("out")
    parser.add_argument("--top", type=int, default=100, help="resumes fully scored per posting")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    spark = SparkSession.builder.master(args.master).appName("atsmatch").getOrCreate()
    # Each executor process loads the compiled lexicon from this folder (compiling it once if absent).
    settings = BatchSettings(cache_dir=str(default_cache_dir()))

    def documents(folder: str, name: str):
        files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(folder)
        extracted = files.select(
            F.col("path").alias(name), "content", extract_udf(settings)("content").alias("x")
        )
        return extracted.where("x.error IS NULL").cache()

    resumes, postings = documents(args.resumes, "resume"), documents(args.postings, "posting")
    # Shortlist: weight 1 per required keyword the resume holds, share of the posting's keywords.
    resume_keywords = resumes.select("resume", F.explode("x.keywords.name").alias("keyword"))
    posting_keywords = postings.select("posting", F.explode("x.keywords.name").alias("keyword"))
    wanted = posting_keywords.groupBy("posting").agg(F.countDistinct("keyword").alias("wanted"))
    coverage = (
        posting_keywords.join(resume_keywords, "keyword")
        .groupBy("posting", "resume")
        .agg(F.countDistinct("keyword").alias("held"))
        .join(wanted, "posting")
        .withColumn("shortlist_coverage", F.col("held") / F.col("wanted"))
    )
    best = Window.partitionBy("posting").orderBy(F.desc("shortlist_coverage"), "resume")
    shortlist = coverage.withColumn("n", F.row_number().over(best)).where(F.col("n") <= args.top)
    pairs = shortlist.join(resumes.select("resume", F.col("content").alias("resume_content")), "resume").join(
        postings.select("posting", F.col("content").alias("posting_content")), "posting"
    )
    scored = pairs.select(
        "resume",
        "posting",
        "shortlist_coverage",
        score_udf(settings)("resume_content", "posting_content").alias("row"),
    )
    # The row's own resume/posting labels name content hashes: keep the paths instead.
    fields = [
        f"row.{name}" for name in scored.schema["row"].dataType.names if name not in ("resume", "posting")
    ]
    scored.select("resume", "posting", "shortlist_coverage", *fields).write.mode("overwrite").parquet(
        args.out
    )
    spark.stop()


if __name__ == "__main__":
    main()
