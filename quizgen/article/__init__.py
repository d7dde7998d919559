"""The article as text, read the same way by the drafter and the fact base: paragraphs, sentences,
quoted passages, numbers as written, and the word lists of general news English."""
