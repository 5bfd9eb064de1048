// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {OperatorSet, OperatorSetKey} from "./interfaces/Types.sol";
import {IERC20Like} from "./interfaces/ICore.sol";
import {
    DistributionRoot, EarnerTreeMerkleLeaf, TokenTreeMerkleLeaf, RewardsMerkleClaim, RewardsSubmission,
    OperatorDirectedRewardsSubmission, OperatorSplit
} from "./rewards/RewardsTypes.sol";

interface IOperatorLookup {
    function isOperator(address operator) external view returns (bool);
}

interface IOperatorSetLookup {
    function isOperatorSet(OperatorSet memory operatorSet) external view returns (bool);
    function getOperatorSetCount(address avs) external view returns (uint256);
}

/// @notice Devnet RewardsCoordinator: distribution roots, merkle claims and operator splits with the
///         mainnet (v1.12.0) ABI and semantics. No proxy, pausing or PermissionController (the operator
///         or earner calls for itself); rewards submissions are not implemented (roots are built off
///         chain by the project's tree builder, as the Sidecar does on mainnet).
contract RewardsCoordinator {
    using OperatorSetKey for OperatorSet;

    uint8 internal constant EARNER_LEAF_SALT = 0;
    uint8 internal constant TOKEN_LEAF_SALT = 1;
    uint16 internal constant ONE_HUNDRED_IN_BIPS = 10000;

    uint32 public immutable CALCULATION_INTERVAL_SECONDS;
    address internal immutable delegationManager;
    address internal immutable allocationManager;

    address public rewardsUpdater;
    uint32 public activationDelay;
    uint32 public currRewardsCalculationEndTimestamp;
    uint16 public defaultOperatorSplitBips;

    DistributionRoot[] internal _distributionRoots;
    mapping(address => address) public claimerFor;
    mapping(address => mapping(address => uint256)) public cumulativeClaimed;
    mapping(address => mapping(address => OperatorSplit)) internal _operatorAVSSplitBips;
    mapping(address => OperatorSplit) internal _operatorPISplitBips;
    mapping(address => mapping(bytes32 => OperatorSplit)) internal _operatorSetSplitBips;

    event DistributionRootSubmitted(uint32 indexed rootIndex, bytes32 indexed root, uint32 indexed rewardsCalculationEndTimestamp, uint32 activatedAt);
    event DistributionRootDisabled(uint32 indexed rootIndex);
    event RewardsClaimed(bytes32 root, address indexed earner, address indexed claimer, address indexed recipient, address token, uint256 claimedAmount);
    event ClaimerForSet(address indexed earner, address indexed oldClaimer, address indexed claimer);
    // Declared for ABI parity with mainnet; the devnet never emits them (no rewards submissions).
    event AVSRewardsSubmissionCreated(address indexed avs, uint256 indexed submissionNonce, bytes32 indexed rewardsSubmissionHash, RewardsSubmission rewardsSubmission);
    event RewardsSubmissionForAllCreated(address indexed submitter, uint256 indexed submissionNonce, bytes32 indexed rewardsSubmissionHash, RewardsSubmission rewardsSubmission);
    event RewardsSubmissionForAllEarnersCreated(address indexed tokenHopper, uint256 indexed submissionNonce, bytes32 indexed rewardsSubmissionHash, RewardsSubmission rewardsSubmission);
    event OperatorDirectedAVSRewardsSubmissionCreated(address indexed caller, address indexed avs, bytes32 indexed operatorDirectedRewardsSubmissionHash, uint256 submissionNonce, OperatorDirectedRewardsSubmission operatorDirectedRewardsSubmission);
    event OperatorDirectedOperatorSetRewardsSubmissionCreated(address indexed caller, bytes32 indexed operatorDirectedRewardsSubmissionHash, OperatorSet operatorSet, uint256 submissionNonce, OperatorDirectedRewardsSubmission operatorDirectedRewardsSubmission);
    event UniqueStakeRewardsSubmissionCreated(address indexed caller, bytes32 indexed rewardsSubmissionHash, OperatorSet operatorSet, uint256 submissionNonce, RewardsSubmission rewardsSubmission);
    event TotalStakeRewardsSubmissionCreated(address indexed caller, bytes32 indexed rewardsSubmissionHash, OperatorSet operatorSet, uint256 submissionNonce, RewardsSubmission rewardsSubmission);
    event OperatorAVSSplitBipsSet(address indexed caller, address indexed operator, address indexed avs, uint32 activatedAt, uint16 oldOperatorAVSSplitBips, uint16 newOperatorAVSSplitBips);
    event OperatorPISplitBipsSet(address indexed caller, address indexed operator, uint32 activatedAt, uint16 oldOperatorPISplitBips, uint16 newOperatorPISplitBips);
    event OperatorSetSplitBipsSet(address indexed caller, address indexed operator, OperatorSet operatorSet, uint32 activatedAt, uint16 oldOperatorSetSplitBips, uint16 newOperatorSetSplitBips);

    error UnauthorizedCaller();
    error NewRootMustBeForNewCalculatedPeriod();
    error RewardsEndTimestampNotElapsed();
    error InvalidRootIndex();
    error InvalidRoot();
    error RootDisabled();
    error RootNotActivated();
    error RootAlreadyActivated();
    error InputArrayLengthMismatch();
    error InvalidProofLength();
    error InvalidEarnerLeafIndex();
    error InvalidTokenLeafIndex();
    error InvalidClaimProof();
    error EarningsNotGreaterThanClaimed();
    error InvalidEarner();
    error InvalidOperatorSet();
    error SplitExceedsMax();
    error PreviousSplitPending();
    error TransferFailed();

    constructor(
        address rewardsUpdater_,
        uint32 activationDelay_,
        uint32 calculationIntervalSeconds,
        uint16 defaultSplitBips,
        address delegationManager_,
        address allocationManager_
    ) {
        rewardsUpdater = rewardsUpdater_;
        activationDelay = activationDelay_;
        CALCULATION_INTERVAL_SECONDS = calculationIntervalSeconds;
        defaultOperatorSplitBips = defaultSplitBips;
        delegationManager = delegationManager_;
        allocationManager = allocationManager_;
    }

    // ---- roots ----

    function submitRoot(bytes32 root, uint32 rewardsCalculationEndTimestamp) external {
        if (msg.sender != rewardsUpdater) revert UnauthorizedCaller();
        if (rewardsCalculationEndTimestamp <= currRewardsCalculationEndTimestamp) revert NewRootMustBeForNewCalculatedPeriod();
        if (rewardsCalculationEndTimestamp >= block.timestamp) revert RewardsEndTimestampNotElapsed();
        uint32 rootIndex = uint32(_distributionRoots.length);
        uint32 activatedAt = uint32(block.timestamp) + activationDelay;
        _distributionRoots.push(DistributionRoot(root, rewardsCalculationEndTimestamp, activatedAt, false));
        currRewardsCalculationEndTimestamp = rewardsCalculationEndTimestamp;
        emit DistributionRootSubmitted(rootIndex, root, rewardsCalculationEndTimestamp, activatedAt);
    }

    function disableRoot(uint32 rootIndex) external {
        if (msg.sender != rewardsUpdater) revert UnauthorizedCaller();
        if (rootIndex >= _distributionRoots.length) revert InvalidRootIndex();
        DistributionRoot storage r = _distributionRoots[rootIndex];
        if (r.disabled) revert RootDisabled();
        if (block.timestamp >= r.activatedAt) revert RootAlreadyActivated();
        r.disabled = true;
        emit DistributionRootDisabled(rootIndex);
    }

    function getDistributionRootsLength() public view returns (uint256) {
        return _distributionRoots.length;
    }

    function getDistributionRootAtIndex(uint256 index) external view returns (DistributionRoot memory) {
        return _distributionRoots[index];
    }

    function getCurrentDistributionRoot() external view returns (DistributionRoot memory) {
        return _distributionRoots[_distributionRoots.length - 1];
    }

    function getCurrentClaimableDistributionRoot() external view returns (DistributionRoot memory) {
        for (uint256 i = _distributionRoots.length; i > 0; i--) {
            DistributionRoot memory r = _distributionRoots[i - 1];
            if (!r.disabled && block.timestamp >= r.activatedAt) return r;
        }
        return DistributionRoot(bytes32(0), 0, 0, false);
    }

    function getRootIndexFromHash(bytes32 rootHash) external view returns (uint32) {
        for (uint32 i = uint32(_distributionRoots.length); i > 0; i--) {
            if (_distributionRoots[i - 1].root == rootHash) return i - 1;
        }
        revert InvalidRoot();
    }

    // ---- claims ----

    function setClaimerFor(address claimer) external {
        _setClaimer(msg.sender, claimer);
    }

    /// @dev Mainnet lets an appointee call for an operator/AVS earner; here only the earner itself.
    function setClaimerFor(address earner, address claimer) external {
        if (msg.sender != earner) revert UnauthorizedCaller();
        bool isOp = delegationManager != address(0) && IOperatorLookup(delegationManager).isOperator(earner);
        bool isAvs = allocationManager != address(0) && IOperatorSetLookup(allocationManager).getOperatorSetCount(earner) > 0;
        if (!isOp && !isAvs) revert InvalidEarner();
        _setClaimer(earner, claimer);
    }

    function checkClaim(RewardsMerkleClaim calldata claim) public view returns (bool) {
        if (claim.rootIndex >= _distributionRoots.length) revert InvalidRootIndex();
        _checkClaim(claim, _distributionRoots[claim.rootIndex]);
        return true;
    }

    function processClaim(RewardsMerkleClaim calldata claim, address recipient) external {
        _processClaim(claim, recipient);
    }

    function processClaims(RewardsMerkleClaim[] calldata claims, address recipient) external {
        for (uint256 i = 0; i < claims.length; i++) _processClaim(claims[i], recipient);
    }

    function calculateEarnerLeafHash(EarnerTreeMerkleLeaf calldata leaf) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(EARNER_LEAF_SALT, leaf.earner, leaf.earnerTokenRoot));
    }

    function calculateTokenLeafHash(TokenTreeMerkleLeaf calldata leaf) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(TOKEN_LEAF_SALT, leaf.token, leaf.cumulativeEarnings));
    }

    // ---- operator splits ----

    function setOperatorAVSSplit(address operator, address avs, uint16 split) external {
        if (msg.sender != operator) revert UnauthorizedCaller();
        uint32 activatedAt = uint32(block.timestamp) + activationDelay;
        uint16 oldSplit = _getSplit(_operatorAVSSplitBips[operator][avs]);
        _setSplit(_operatorAVSSplitBips[operator][avs], split, activatedAt);
        emit OperatorAVSSplitBipsSet(msg.sender, operator, avs, activatedAt, oldSplit, split);
    }

    function setOperatorPISplit(address operator, uint16 split) external {
        if (msg.sender != operator) revert UnauthorizedCaller();
        uint32 activatedAt = uint32(block.timestamp) + activationDelay;
        uint16 oldSplit = _getSplit(_operatorPISplitBips[operator]);
        _setSplit(_operatorPISplitBips[operator], split, activatedAt);
        emit OperatorPISplitBipsSet(msg.sender, operator, activatedAt, oldSplit, split);
    }

    function setOperatorSetSplit(address operator, OperatorSet calldata operatorSet, uint16 split) external {
        if (msg.sender != operator) revert UnauthorizedCaller();
        if (allocationManager != address(0) && !IOperatorSetLookup(allocationManager).isOperatorSet(operatorSet)) revert InvalidOperatorSet();
        bytes32 k = OperatorSet(operatorSet.avs, operatorSet.id).key();
        uint32 activatedAt = uint32(block.timestamp) + activationDelay;
        uint16 oldSplit = _getSplit(_operatorSetSplitBips[operator][k]);
        _setSplit(_operatorSetSplitBips[operator][k], split, activatedAt);
        emit OperatorSetSplitBipsSet(msg.sender, operator, operatorSet, activatedAt, oldSplit, split);
    }

    function getOperatorAVSSplit(address operator, address avs) external view returns (uint16) {
        return _getSplit(_operatorAVSSplitBips[operator][avs]);
    }

    function getOperatorPISplit(address operator) external view returns (uint16) {
        return _getSplit(_operatorPISplitBips[operator]);
    }

    function getOperatorSetSplit(address operator, OperatorSet calldata operatorSet) external view returns (uint16) {
        return _getSplit(_operatorSetSplitBips[operator][OperatorSet(operatorSet.avs, operatorSet.id).key()]);
    }

    // ---- internals ----

    function _setClaimer(address earner, address claimer) internal {
        address prev = claimerFor[earner];
        claimerFor[earner] = claimer;
        emit ClaimerForSet(earner, prev, claimer);
    }

    function _processClaim(RewardsMerkleClaim calldata claim, address recipient) internal {
        if (claim.rootIndex >= _distributionRoots.length) revert InvalidRootIndex();
        DistributionRoot memory root = _distributionRoots[claim.rootIndex];
        _checkClaim(claim, root);
        address earner = claim.earnerLeaf.earner;
        address claimer = claimerFor[earner];
        if (claimer == address(0)) claimer = earner;
        if (msg.sender != claimer) revert UnauthorizedCaller();
        for (uint256 i = 0; i < claim.tokenIndices.length; i++) {
            TokenTreeMerkleLeaf calldata leaf = claim.tokenLeaves[i];
            uint256 claimed = cumulativeClaimed[earner][leaf.token];
            if (leaf.cumulativeEarnings <= claimed) revert EarningsNotGreaterThanClaimed();
            uint256 amount = leaf.cumulativeEarnings - claimed;
            cumulativeClaimed[earner][leaf.token] = leaf.cumulativeEarnings;
            if (!IERC20Like(leaf.token).transfer(recipient, amount)) revert TransferFailed();
            emit RewardsClaimed(root.root, earner, claimer, recipient, leaf.token, amount);
        }
    }

    function _checkClaim(RewardsMerkleClaim calldata claim, DistributionRoot memory root) internal view {
        if (root.disabled) revert RootDisabled();
        if (block.timestamp < root.activatedAt) revert RootNotActivated();
        if (claim.tokenIndices.length != claim.tokenTreeProofs.length) revert InputArrayLengthMismatch();
        if (claim.tokenTreeProofs.length != claim.tokenLeaves.length) revert InputArrayLengthMismatch();
        // An index must fit the proof height, else several indices would verify with the same proof.
        if (claim.earnerIndex >= (uint256(1) << (claim.earnerTreeProof.length / 32))) revert InvalidEarnerLeafIndex();
        bytes32 earnerLeafHash = calculateEarnerLeafHash(claim.earnerLeaf);
        if (_walkProof(claim.earnerTreeProof, earnerLeafHash, claim.earnerIndex) != root.root) revert InvalidClaimProof();
        for (uint256 i = 0; i < claim.tokenIndices.length; i++) {
            if (claim.tokenIndices[i] >= (uint256(1) << (claim.tokenTreeProofs[i].length / 32))) revert InvalidTokenLeafIndex();
            bytes32 tokenLeafHash = calculateTokenLeafHash(claim.tokenLeaves[i]);
            if (_walkProof(claim.tokenTreeProofs[i], tokenLeafHash, claim.tokenIndices[i]) != claim.earnerLeaf.earnerTokenRoot) {
                revert InvalidClaimProof();
            }
        }
    }

    /// @dev Mainnet Merkle.processInclusionProofKeccak: siblings bottom-up; an even index means the
    ///      running hash is the left child. An empty proof returns the leaf (single-leaf tree).
    function _walkProof(bytes calldata proof, bytes32 leaf, uint256 index) internal pure returns (bytes32 h) {
        if (proof.length % 32 != 0) revert InvalidProofLength();
        h = leaf;
        for (uint256 off = 0; off < proof.length; off += 32) {
            bytes32 sibling = bytes32(proof[off:off + 32]);
            h = index % 2 == 0 ? keccak256(abi.encodePacked(h, sibling)) : keccak256(abi.encodePacked(sibling, h));
            index /= 2;
        }
    }

    /// @dev Mainnet _getOperatorSplit: default until the first value activates, then old/new by time.
    function _getSplit(OperatorSplit memory s) internal view returns (uint16) {
        if (s.activatedAt == 0 || (s.oldSplitBips == type(uint16).max && block.timestamp < s.activatedAt)) {
            return defaultOperatorSplitBips;
        }
        return block.timestamp >= s.activatedAt ? s.newSplitBips : s.oldSplitBips;
    }

    function _setSplit(OperatorSplit storage s, uint16 split, uint32 activatedAt) internal {
        if (split > ONE_HUNDRED_IN_BIPS) revert SplitExceedsMax();
        if (block.timestamp <= s.activatedAt) revert PreviousSplitPending();
        // type(uint16).max flags "never set": the getter then keeps returning the default until activation.
        s.oldSplitBips = s.activatedAt == 0 ? type(uint16).max : s.newSplitBips;
        s.newSplitBips = split;
        s.activatedAt = activatedAt;
    }
}
