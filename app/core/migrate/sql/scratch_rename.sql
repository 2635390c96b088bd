-- A scratch database taken for a proof, or kept for the next one (ScratchDatabase): renamed,
-- which no other session may be connected to. Once renamed nobody else finds it by its old name.
ALTER DATABASE %FROM% RENAME TO %TO%
