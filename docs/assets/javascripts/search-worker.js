/* Material's own search worker, with each query rewritten the way students ask before it runs.
 *
 * Material 9.8 sends the query text to its worker unchanged and makes every word a prefix query
 * (`word*`); it has no hook for rewriting the query. This worker listens first, rewrites the text of
 * each query message in place, then loads Material's worker (its address comes in `?material=`,
 * set by search-config.js), whose own listener sees the rewritten text.
 *
 * - Question words ("what is the difference between", "vs", "how do I", "which", "can") carry no
 *   topic: they are dropped, unless nothing else is left. "us" (us-east-1) is not one of them.
 * - Plurals find singulars: Material's prefix query `queue*` matches "queue" and "queues", so a
 *   plural word is cut back to a prefix both forms share ("policies" -> "polic", "queues" -> "queu").
 *   Words ending in -ss, -us or -is (access, status, kinesis) and short acronyms (dns, aws, sqs)
 *   are left alone.
 */
"use strict";

var QUESTION_WORDS = new Set((
  "a about after all also am amazon an and any are as at aws be been before being best between both " +
  "but by can cannot cant choose could did difference differences do does doesnt done dont during " +
  "each explain find for from get gets give go happen happens has have how i if in instead into is " +
  "isnt it its just me mean means more most much my need needs not of on one only or other our " +
  "should so some tell than that the their them then there these they this those to too use used " +
  "using v versus vs want was way we were what whats when where whether which while who whom whose " +
  "why will with without would you your"
).split(" "));

function singularPrefix(word) {
  if (word.length < 4 || !/^[a-z]+$/.test(word) || /(ss|us|is)$/.test(word) || word.slice(-1) !== "s") return word;
  if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3);            // policies -> polic
  if (/(ses|xes|zes|ches|shes|ues)$/.test(word)) return word.slice(0, -2);        // aliases, caches, queues
  return word.slice(0, -1);                                                        // snapshots -> snapshot
}

function rewriteQuery(query) {
  query = query.replace(/(\w):(?=\w)/g, "$1 ");  // s3:GetObject: the index splits on ":", lunr would read a field
  if (/["+\-~^:*]/.test(query.replace(/\b-\b|\d-\d/g, ""))) return query;  // lunr syntax: leave it be
  var words = query.split(/\s+/).filter(Boolean);
  var topical = words.filter(function (word) { return !QUESTION_WORDS.has(word.toLowerCase().replace(/[?'.,!]/g, "")); });
  if (!topical.length) return query;
  // Case is kept: the index splits CamelCase API names (ReceiveMessage) by their capitals.
  return topical.map(function (word) { return singularPrefix(word.replace(/[?,!]+$/, "")); }).join(" ");
}

if (typeof importScripts === "function") {
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 2 && typeof message.data === "string") message.data = rewriteQuery(message.data);
  });
  importScripts(new URL(self.location.href).searchParams.get("material"));
}
