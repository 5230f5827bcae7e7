package com.verivus.gateway.job;

import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobStatus;

/** The outcome of {@link JobEngine#cancel}; {@link #reason()} is the text llm_job_cancel reports. */
public sealed interface CancelResult {

    String jobId();

    boolean canceled();

    /** Why it was not canceled; null when it was. */
    String reason();

    /** The job was running here: it is canceled now and its process tree is being terminated. */
    record Canceled(String jobId) implements CancelResult {
        public boolean canceled() {
            return true;
        }

        public String reason() {
            return null;
        }
    }

    record NotFound(String jobId) implements CancelResult {
        public boolean canceled() {
            return false;
        }

        public String reason() {
            return "Job not found";
        }
    }

    record AlreadyFinished(String jobId, JobStatus status) implements CancelResult {
        public boolean canceled() {
            return false;
        }

        public String reason() {
            return "Job is already " + status.key();
        }
    }

    /** A running row whose gateway is gone (marked orphaned now). */
    record NoLiveProcess(String jobId) implements CancelResult {
        public boolean canceled() {
            return false;
        }

        public String reason() {
            return "Job has no live process (orphaned from prior gateway run)";
        }
    }

    /** A running row of another gateway that is alive: only that gateway can signal its process. */
    record RunningElsewhere(String jobId, JobOwner owner) implements CancelResult {
        public boolean canceled() {
            return false;
        }

        public String reason() {
            if (owner == null) {
                return "Job is running on another gateway that shares this job store; cancel it through that gateway";
            }
            return "Job is running on another gateway (host " + owner.host() + ", pid " + owner.pid()
                    + "); cancel it through that gateway";
        }
    }

    /**
     * A running job of another live gateway on a shared store: the cancel was asked for and that
     * gateway will kill the process, but it did not confirm in time.
     */
    record CancelRequested(String jobId, JobOwner owner) implements CancelResult {
        public boolean canceled() {
            return false;
        }

        public String reason() {
            return "Cancel requested: the job runs on another gateway" + (owner == null ? ""
                    : " (host " + owner.host() + ", pid " + owner.pid() + ")")
                    + ", which stops it when it sees the request; poll llm_job_status";
        }
    }
}
