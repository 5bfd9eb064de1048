// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {Withdrawal, QueuedWithdrawalParams, SignatureWithExpiry, OperatorSet} from "./interfaces/Types.sol";
import {IShareManager} from "./interfaces/ICore.sol";
import {DelegationViews} from "./DelegationViews.sol";
import {DelegationStorage} from "./DelegationStorage.sol";
import {WadMath} from "./lib/WadMath.sol";
import {Eip712} from "./lib/Eip712.sol";

/// @notice Write side of the devnet DelegationManager: delegation, the slashable withdrawal queue and the
///         share hooks called by StrategyManager / EigenPodManager / AllocationManager. Differences from
///         mainnet: no proxy, no pausing, no PermissionController appointees (only the account itself).
contract DelegationManager is DelegationViews {
    using WadMath for uint256;

    bytes32 internal constant DELEGATION_APPROVAL_TYPEHASH =
        keccak256("DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)");

    string public version;

    error ActivelyDelegated();
    error NotActivelyDelegated();
    error OperatorNotRegistered();
    error OperatorsCannotUndelegate();
    error CallerCannotUndelegate();
    error InvalidCaller();
    error SignatureExpired();
    error SaltSpent();
    error InvalidSignature();
    error InputArrayLengthMismatch();
    error InputArrayLengthZero();
    error WithdrawalSharesZero();
    error WithdrawerNotCaller();
    error WithdrawalNotQueued();
    error WithdrawalDelayNotElapsed();
    error FullySlashed();

    constructor(address sm, address epm, address am, uint32 minDelay, string memory version_)
        DelegationStorage(sm, epm, am, minDelay)
    {
        version = version_;
    }

    // ---- operators ----

    function registerAsOperator(address initDelegationApprover, uint32 allocationDelay, string calldata metadataURI) external {
        if (isDelegated(msg.sender)) revert ActivelyDelegated();
        _setApprover(msg.sender, initDelegationApprover);
        allocationManager.setAllocationDelay(msg.sender, allocationDelay);
        _delegate(msg.sender, msg.sender);
        emit OperatorRegistered(msg.sender, initDelegationApprover);
        emit OperatorMetadataURIUpdated(msg.sender, metadataURI);
    }

    function modifyOperatorDetails(address operator, address newDelegationApprover) external {
        _checkOperatorCaller(operator);
        _setApprover(operator, newDelegationApprover);
    }

    function updateOperatorMetadataURI(address operator, string calldata metadataURI) external {
        _checkOperatorCaller(operator);
        emit OperatorMetadataURIUpdated(operator, metadataURI);
    }

    // ---- delegation ----

    function delegateTo(address operator, SignatureWithExpiry memory approverSignatureAndExpiry, bytes32 approverSalt) public {
        if (isDelegated(msg.sender)) revert ActivelyDelegated();
        if (!isOperator(operator)) revert OperatorNotRegistered();
        _checkApproverSignature(msg.sender, operator, approverSignatureAndExpiry, approverSalt);
        _delegate(msg.sender, operator);
    }

    function undelegate(address staker) public returns (bytes32[] memory withdrawalRoots) {
        address operator = delegatedTo[staker];
        if (operator == address(0)) revert NotActivelyDelegated();
        if (isOperator(staker)) revert OperatorsCannotUndelegate();
        if (msg.sender != staker) {
            if (msg.sender != operator && msg.sender != _approver[operator]) revert CallerCannotUndelegate();
            emit StakerForceUndelegated(staker, operator);
        }
        emit StakerUndelegated(staker, operator);
        delegatedTo[staker] = address(0);
        // One withdrawal per strategy, like mainnet, so each can be completed independently.
        (address[] memory strategies, uint256[] memory shares) = getDepositedShares(staker);
        uint256[] memory sf = _slashingFactors(staker, operator, strategies);
        withdrawalRoots = new bytes32[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            uint256[] memory one = new uint256[](1);
            uint256[] memory f = new uint256[](1);
            one[0] = shares[i];
            f[0] = sf[i];
            withdrawalRoots[i] = _queue(staker, operator, _one(strategies[i]), f, one);
        }
    }

    function redelegate(address newOperator, SignatureWithExpiry memory newOperatorApproverSig, bytes32 approverSalt)
        external
        returns (bytes32[] memory withdrawalRoots)
    {
        withdrawalRoots = undelegate(msg.sender);
        delegateTo(newOperator, newOperatorApproverSig, approverSalt);
    }

    // ---- withdrawal queue ----

    function queueWithdrawals(QueuedWithdrawalParams[] calldata params) external returns (bytes32[] memory roots) {
        address operator = delegatedTo[msg.sender];
        roots = new bytes32[](params.length);
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].strategies.length != params[i].depositShares.length) revert InputArrayLengthMismatch();
            uint256[] memory sf = _slashingFactors(msg.sender, operator, params[i].strategies);
            roots[i] = _queue(msg.sender, operator, params[i].strategies, sf, params[i].depositShares);
        }
    }

    function completeQueuedWithdrawal(Withdrawal calldata withdrawal, address[] calldata tokens, bool receiveAsTokens) external {
        _complete(withdrawal, tokens, receiveAsTokens);
    }

    function completeQueuedWithdrawals(Withdrawal[] calldata withdrawals, address[][] calldata tokens, bool[] calldata receiveAsTokens)
        external
    {
        if (withdrawals.length != tokens.length || withdrawals.length != receiveAsTokens.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < withdrawals.length; ++i) _complete(withdrawals[i], tokens[i], receiveAsTokens[i]);
    }

    // ---- hooks ----

    function increaseDelegatedShares(address staker, address strategy, uint256 prevDepositShares, uint256 addedShares) external {
        if (msg.sender != address(strategyManager) && msg.sender != address(eigenPodManager)) revert InvalidCaller();
        address operator = delegatedTo[staker];
        uint256 sf = _slashingFactors(staker, operator, _one(strategy))[0];
        _increaseDelegation(operator, staker, strategy, prevDepositShares, addedShares, sf);
    }

    /// @dev Beacon-chain slashing: the operator loses the staker's withdrawable shares x factor decrease.
    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease) external {
        if (msg.sender != address(eigenPodManager)) revert InvalidCaller();
        address operator = delegatedTo[staker];
        if (operator == address(0)) return;
        uint256 maxMag = _operatorFactors(operator, _one(beaconChainETHStrategy))[0];
        uint256 dec = curDepositShares.mulWad(depositScalingFactor(staker, beaconChainETHStrategy)).mulWad(maxMag).mulWad(
            beaconChainSlashingFactorDecrease
        );
        _decreaseDelegation(operator, staker, beaconChainETHStrategy, dec);
    }

    /// @dev Mainnet arithmetic: operator loses shares - ceil(shares x new / prev); queued withdrawals still in
    ///      their window lose scaledShares x (prev - new). The sum goes to burn/redistribution.
    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external returns (uint256 totalDepositSharesToSlash) {
        if (msg.sender != address(allocationManager)) revert InvalidCaller();
        uint256 opShares = operatorShares[operator][strategy];
        uint256 fromOperator = opShares - WadMath.mulDivUp(opShares, newMaxMagnitude, prevMaxMagnitude);
        uint256 fromQueue = _slashableScaledInQueue(operator, strategy).mulWad(prevMaxMagnitude - newMaxMagnitude);
        totalDepositSharesToSlash = fromOperator + fromQueue;
        _decreaseDelegation(operator, address(0), strategy, fromOperator);
        emit OperatorSharesSlashed(operator, strategy, totalDepositSharesToSlash);
        _shareManager(strategy).increaseBurnOrRedistributableShares(operatorSet, slashId, strategy, totalDepositSharesToSlash);
    }

    // ---- EIP-712 ----

    function domainSeparator() public view returns (bytes32) {
        return Eip712.domainSeparator(version);
    }

    function calculateDelegationApprovalDigestHash(address staker, address operator, address approver, bytes32 approverSalt, uint256 expiry)
        public
        view
        returns (bytes32)
    {
        return Eip712.digest(
            domainSeparator(), keccak256(abi.encode(DELEGATION_APPROVAL_TYPEHASH, approver, staker, operator, approverSalt, expiry))
        );
    }

    // ---- internals ----

    function _checkOperatorCaller(address operator) internal view {
        if (msg.sender != operator) revert InvalidCaller();
        if (!isOperator(operator)) revert OperatorNotRegistered();
    }

    function _setApprover(address operator, address approver) internal {
        _approver[operator] = approver;
        emit DelegationApproverUpdated(operator, approver);
    }

    function _checkApproverSignature(address staker, address operator, SignatureWithExpiry memory sig, bytes32 salt) internal {
        address approver = _approver[operator];
        if (approver == address(0) || msg.sender == approver) return;
        if (sig.expiry < block.timestamp) revert SignatureExpired();
        if (delegationApproverSaltIsSpent[approver][salt]) revert SaltSpent();
        bytes32 hash = calculateDelegationApprovalDigestHash(staker, operator, approver, salt, sig.expiry);
        if (!Eip712.isValid(approver, hash, sig.signature)) revert InvalidSignature();
        delegationApproverSaltIsSpent[approver][salt] = true;
    }

    /// @dev Existing deposit shares move to the operator; DSF is reset against the operator's maxMagnitude
    ///      only (the beacon factor stays inside the slashing factor), as mainnet's _delegate does.
    function _delegate(address staker, address operator) internal {
        (address[] memory strategies, uint256[] memory shares) = getDepositedShares(staker);
        uint256[] memory sf = _operatorFactors(operator, strategies);
        delegatedTo[staker] = operator;
        emit StakerDelegated(staker, operator);
        for (uint256 i = 0; i < strategies.length; ++i) {
            uint256 added = shares[i];
            if (strategies[i] == beaconChainETHStrategy) added = added.mulWad(eigenPodManager.beaconChainSlashingFactor(staker));
            _increaseDelegation(operator, staker, strategies[i], 0, added, sf[i]);
        }
    }

    function _increaseDelegation(address operator, address staker, address strategy, uint256 prevDepositShares, uint256 addedShares, uint256 sf)
        internal
    {
        if (sf == 0) revert FullySlashed();
        uint256 newDsf;
        if (prevDepositShares == 0) {
            newDsf = WAD.divWad(sf);
        } else {
            uint256 cur = prevDepositShares.mulWad(depositScalingFactor(staker, strategy)).mulWad(sf);
            newDsf = (cur + addedShares).divWad(prevDepositShares + addedShares).divWad(sf);
        }
        _dsf[staker][strategy] = newDsf;
        emit DepositScalingFactorUpdated(staker, strategy, newDsf);
        if (operator == address(0)) return;
        operatorShares[operator][strategy] += addedShares;
        emit OperatorSharesIncreased(operator, staker, strategy, addedShares);
    }

    function _decreaseDelegation(address operator, address staker, address strategy, uint256 shares) internal {
        uint256 cur = operatorShares[operator][strategy];
        // Saturating: per-staker floor rounding can leave the operator total a few wei below the sum.
        operatorShares[operator][strategy] = cur > shares ? cur - shares : 0;
        emit OperatorSharesDecreased(operator, staker, strategy, shares);
    }

    function _queue(address staker, address operator, address[] memory strategies, uint256[] memory sf, uint256[] memory depositShares)
        internal
        returns (bytes32 root)
    {
        if (strategies.length == 0) revert InputArrayLengthZero();
        uint256[] memory scaled = new uint256[](strategies.length);
        uint256[] memory withdrawable = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            (withdrawable[i], scaled[i]) = _removeForQueue(staker, operator, strategies[i], sf[i], depositShares[i]);
        }
        Withdrawal memory w = Withdrawal({
            staker: staker,
            delegatedTo: operator,
            withdrawer: staker,
            nonce: cumulativeWithdrawalsQueued[staker]++,
            startBlock: uint32(block.number),
            strategies: strategies,
            scaledShares: scaled
        });
        root = calculateWithdrawalRoot(w);
        _queued[root] = w;
        _rootsOf[staker].push(root);
        pendingWithdrawals[root] = true;
        emit SlashingWithdrawalQueued(root, w, withdrawable);
    }

    function _removeForQueue(address staker, address operator, address strategy, uint256 sf, uint256 depositShares)
        internal
        returns (uint256 withdrawable, uint256 scaled)
    {
        if (depositShares == 0) revert WithdrawalSharesZero();
        uint256 f = depositScalingFactor(staker, strategy);
        withdrawable = depositShares.mulWad(f).mulWad(sf);
        scaled = depositShares.mulWad(f);
        if (operator != address(0)) {
            Snap[] storage h = _cumScaled[operator][strategy];
            uint224 next = uint224(_latest(h) + scaled);
            if (h.length > 0 && h[h.length - 1].blockNumber == block.number) h[h.length - 1].value = next;
            else h.push(Snap(uint32(block.number), next));
            _decreaseDelegation(operator, staker, strategy, withdrawable);
        }
        if (_shareManager(strategy).removeDepositShares(staker, strategy, depositShares) == 0) delete _dsf[staker][strategy];
    }

    function _complete(Withdrawal memory w, address[] memory tokens, bool receiveAsTokens) internal {
        if (msg.sender != w.withdrawer) revert WithdrawerNotCaller();
        if (tokens.length != w.strategies.length) revert InputArrayLengthMismatch();
        bytes32 root = calculateWithdrawalRoot(w);
        if (!pendingWithdrawals[root]) revert WithdrawalNotQueued();
        uint32 slashableUntil = w.startBlock + minWithdrawalDelayBlocks;
        if (block.number <= slashableUntil) revert WithdrawalDelayNotElapsed();
        uint256[] memory prevSf = _slashingFactorsAtBlock(w.staker, w.delegatedTo, w.strategies, slashableUntil);
        delete _queued[root];
        pendingWithdrawals[root] = false;
        _removeRoot(w.staker, root);
        address newOperator = delegatedTo[w.staker];
        uint256[] memory newSf = _slashingFactors(w.staker, newOperator, w.strategies);
        for (uint256 i = 0; i < w.strategies.length; ++i) {
            uint256 shares = w.scaledShares[i].mulWad(prevSf[i]);
            if (shares == 0) continue;
            IShareManager m = _shareManager(w.strategies[i]);
            if (receiveAsTokens) {
                m.withdrawSharesAsTokens(w.staker, w.strategies[i], tokens[i], shares);
            } else {
                (uint256 prev, uint256 added) = m.addShares(w.staker, w.strategies[i], shares);
                _increaseDelegation(newOperator, w.staker, w.strategies[i], prev, added, newSf[i]);
            }
        }
        emit SlashingWithdrawalCompleted(root);
    }

    function _removeRoot(address staker, bytes32 root) internal {
        bytes32[] storage roots = _rootsOf[staker];
        for (uint256 i = 0; i < roots.length; ++i) {
            if (roots[i] == root) {
                roots[i] = roots[roots.length - 1];
                roots.pop();
                return;
            }
        }
    }
}
